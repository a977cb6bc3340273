/** Datasets over Arrow record batches: schema, column types and roles, splits, batches. */
package ai.bigdata.core.data;
