"""sayso on Apache Spark: a corpus of millions of articles analysed on a cluster into
Parquet tables with the ledger's columns, and loaded into a ledger when wanted.

* :func:`sayso.spark.job.run` (``sayso spark INPUT… --output DIR``, or ``spark-submit``
  with :mod:`sayso.spark.__main__`): inputs read by ingest's readers in the executors,
  analysed in ``mapPartitions``, committed a batch at a time (:mod:`sayso.spark.tables`),
  actors and claims linked across documents in Spark (:mod:`sayso.spark.link`);
* :func:`sayso.spark.load.load` (``sayso load DIR --db URL``): the tables into a ledger.

Nothing here is imported by ``import sayso``; PySpark (the ``spark`` extra) is imported
only when a job runs, and loading needs only pyarrow.
"""
