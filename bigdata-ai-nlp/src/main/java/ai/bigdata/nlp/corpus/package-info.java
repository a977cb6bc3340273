/** Labelled text corpora read into datasets: folders or tar archives of plain text or RFC 822 e-mail, and JSON Lines. */
package ai.bigdata.nlp.corpus;
