package ai.bigdata.recsys;

import java.util.Map;

/** A minimal self-contained HTML page with one two-column table, text escaped. */
final class HtmlTable {
    private HtmlTable() {
    }

    static String page(String title, Map<String, Object> rows) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title></head><body><h1>").append(escape(title))
                .append("</h1><table border=\"1\">");
        rows.forEach((k, v) -> sb.append("<tr><th>").append(escape(k)).append("</th><td>").append(escape(String.valueOf(v)))
                .append("</td></tr>"));
        return sb.append("</table></body></html>\n").toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
