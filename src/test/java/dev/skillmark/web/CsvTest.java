package dev.skillmark.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotes_cells_that_a_spreadsheet_could_split_and_defuses_formulas() {
        String[][] table = {
            {"plain", "plain"},
            {"x;=1+1", "\"x;=1+1\""},
            {"a;b", "\"a;b\""},
            {"a,b", "\"a,b\""},
            {"say \"hi\"", "\"say \"\"hi\"\"\""},
            {"=1+1", "'=1+1"},
            {"=1;2", "\"'=1;2\""},
            {"+1", "'+1"},
            {"-1", "'-1"},
            {"@SUM(A1)", "'@SUM(A1)"},
        };
        for (String[] row : table) {
            assertThat(Csv.cell(row[0])).as(row[0]).isEqualTo(row[1]);
        }
    }

    @Test
    void tabs_and_line_breaks_are_quoted() {
        assertThat(Csv.cell("a\tb")).isEqualTo("\"a\tb\"");
        assertThat(Csv.cell("a\nb")).isEqualTo("\"a\nb\"");
        assertThat(Csv.cell("a\r\nb")).isEqualTo("\"a\r\nb\"");
        assertThat(Csv.cell("\tx")).isEqualTo("\"'\tx\"");
    }

    @Test
    void a_semicolon_locale_spreadsheet_sees_one_cell_per_value() {
        String csv = Csv.write(List.of(List.of("name", "note"), List.of("x;=1+1", "ok")));
        // a spreadsheet that splits on ';' outside quotes: the formula stays inside one quoted cell
        String line = csv.split("\r\n")[1];
        assertThat(line).isEqualTo("\"x;=1+1\",ok");
        assertThat(line.replaceAll("\"[^\"]*\"", "Q").split(";")).hasSize(1);
    }
}
