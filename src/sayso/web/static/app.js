// Progressive help only: the pages read fully without it.
// On an article, clicking a marked passage selects its statement card.
document.addEventListener("click", function (event) {
  var mark = event.target.closest ? event.target.closest("a.mark") : null;
  if (!mark) { return; }
  var id = mark.getAttribute("data-statement");
  var card = document.getElementById("st-" + id);
  if (!card) { return; }
  document.querySelectorAll("section.statement.selected").forEach(function (el) {
    el.classList.remove("selected");
  });
  card.classList.add("selected");
});
