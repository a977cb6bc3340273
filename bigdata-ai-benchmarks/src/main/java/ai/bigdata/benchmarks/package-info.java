/** JMH suites and end-to-end benchmark runs of bigdata-ai, each against a baseline measured in the same run. */
package ai.bigdata.benchmarks;
