package ai.bigdata.nlp.g2p;

import java.util.List;

/**
 * What {@link CmuDict} read: the entries in file order and what it passed over.
 *
 * @param entries the pronunciations kept, in file order
 * @param commentLines lines starting with {@code ;;;}
 * @param blankLines empty or white-space lines
 * @param alternatesSkipped alternate pronunciations left out under {@link Alternates#FIRST}
 */
public record CmuDictRead(List<Pronunciation> entries, long commentLines, long blankLines, long alternatesSkipped) {
    /** Copies the entry list. */
    public CmuDictRead {
        entries = List.copyOf(entries);
    }

    @Override
    public String toString() {
        return entries.size() + " pronunciations (" + alternatesSkipped + " alternates skipped, " + commentLines + " comment and "
                + blankLines + " blank lines)";
    }
}
