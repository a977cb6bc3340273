/** The compute engine: which ND4J native build runs, with oneDNN and DL4J's layer helpers switched on. */
package ai.bigdata.core.engine;
