/** Apache Spark integration: DataFrame to Dataset through Arrow, distributed fitting and training (to come; see the roadmap). */
package ai.bigdata.spark;
