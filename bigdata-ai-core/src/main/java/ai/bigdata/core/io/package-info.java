/** Readers and writers: CSV, Arrow IPC file and stream, JSON Lines; read reports and error policies. */
package ai.bigdata.core.io;
