package ai.bigdata.core.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The ordered, named, typed columns of a dataset. Immutable; column names are unique. */
public final class Schema {
    private final List<Column> columns;
    private final Map<String, Integer> index;

    /** A schema of the given columns, in order. */
    public Schema(List<Column> columns) {
        this.columns = List.copyOf(columns);
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < this.columns.size(); i++) {
            Integer prev = idx.put(this.columns.get(i).name(), i);
            if (prev != null) {
                throw new IllegalArgumentException("duplicate column name '" + this.columns.get(i).name()
                        + "' at positions " + prev + " and " + i);
            }
        }
        this.index = Collections.unmodifiableMap(idx);
    }

    /** A schema of the given columns. */
    public static Schema of(Column... columns) {
        return new Schema(List.of(columns));
    }

    /** The columns, in order. */
    public List<Column> columns() {
        return columns;
    }

    /** Number of columns. */
    public int size() {
        return columns.size();
    }

    /** The column at a position. */
    public Column column(int i) {
        return columns.get(i);
    }

    /** The column of that name. @throws ColumnNotFoundException if there is none */
    public Column column(String name) {
        return columns.get(indexOf(name));
    }

    /** The position of the named column. @throws ColumnNotFoundException if there is none */
    public int indexOf(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new ColumnNotFoundException(name, names());
        }
        return i;
    }

    /** Whether a column of that name exists. */
    public boolean contains(String name) {
        return index.containsKey(name);
    }

    /** The column names in order. */
    public List<String> names() {
        return columns.stream().map(Column::name).collect(Collectors.toList());
    }

    /** The first column with the given role, if any. */
    public Optional<Column> withRole(ColumnRole role) {
        return columns.stream().filter(c -> c.role() == role).findFirst();
    }

    /** All columns with the given role. */
    public List<Column> allWithRole(ColumnRole role) {
        return columns.stream().filter(c -> c.role() == role).collect(Collectors.toList());
    }

    /** This schema with one column replaced (matched by position). */
    public Schema replace(int position, Column column) {
        List<Column> copy = new ArrayList<>(columns);
        copy.set(position, column);
        return new Schema(copy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Schema && ((Schema) o).columns.equals(columns);
    }

    @Override
    public int hashCode() {
        return columns.hashCode();
    }

    @Override
    public String toString() {
        return columns.stream().map(Column::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
