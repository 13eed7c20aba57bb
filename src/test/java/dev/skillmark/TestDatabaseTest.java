package dev.skillmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The integration tests really run on the database they were asked for, each app on its own. */
class TestDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void the_app_talks_to_the_selected_database() throws Exception {
        try (var app = TestApp.start(dir)) {
            String product = app.app.jdbi().withHandle(h -> h.getConnection().getMetaData().getDatabaseProductName());
            if (TestDatabase.postgresql()) {
                assertThat(product).isEqualTo("PostgreSQL");
                String version = app.app.jdbi().withHandle(h -> h.createQuery("select version()").mapTo(String.class).one());
                int number = app.app.jdbi().withHandle(h ->
                        h.createQuery("select current_setting('server_version_num')::integer").mapTo(Integer.class).one());
                assertThat(version).startsWith("PostgreSQL ");
                assertThat(number).isGreaterThanOrEqualTo(150000);
                System.out.println("integration tests on " + version);
            } else {
                assertThat(product).isEqualTo("H2");
            }
        }
    }

    @Test
    void each_folder_gets_its_own_database_and_reopening_the_same_folder_finds_its_data() {
        Path content = Fixtures.content("content", dir.resolve("content"));
        try (var one = new Database(TestDatabase.config(dir.resolve("one"), content))) {
            one.jdbi().useHandle(h -> h.execute("insert into setting (name, setting_value) values ('probe', 'one')"));
        }
        try (var two = new Database(TestDatabase.config(dir.resolve("two"), content))) {
            assertThat(probe(two)).isZero();
        }
        try (var again = new Database(TestDatabase.config(dir.resolve("one"), content))) {
            assertThat(probe(again)).isEqualTo(1);
        }
    }

    private static int probe(Database database) {
        return database.jdbi().withHandle(h ->
                h.createQuery("select count(*) from setting where name = 'probe'").mapTo(Integer.class).one());
    }
}
