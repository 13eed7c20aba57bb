package dev.skillmark.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;

/**
 * The package graph points one way, as the README draws it:
 * quiz and web at the top; content below them; then account, attempt and review; ops (health, readiness,
 * metrics) beside review, on attempt, content and web; outbox (e-mail and webhooks) on web alone, beside content, for
 * account, attempt and review to queue messages in their transactions; the root package (Skillmark, Config, Database)
 * and cli wire everything and nothing imports them.
 */
@AnalyzeClasses(packages = "dev.skillmark", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "dev.skillmark";
    private static final String QUIZ = "dev.skillmark.quiz..";
    private static final String WEB = "dev.skillmark.web..";
    private static final String CONTENT = "dev.skillmark.content..";
    private static final String ACCOUNT = "dev.skillmark.account..";
    private static final String ATTEMPT = "dev.skillmark.attempt..";
    private static final String REVIEW = "dev.skillmark.review..";
    private static final String CLI = "dev.skillmark.cli..";
    private static final String OPS = "dev.skillmark.ops..";
    private static final String OUTBOX = "dev.skillmark.outbox..";

    @ArchTest
    static final ArchRule the_features_form_no_cycle = slices().matching("dev.skillmark.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule the_domain_imports_no_other_package_of_ours = noClasses().that().resideInAPackage(QUIZ)
            .should().dependOnClassesThat().resideInAnyPackage(ROOT, WEB, CONTENT, ACCOUNT, ATTEMPT, REVIEW, CLI, OUTBOX);

    @ArchTest
    static final ArchRule the_domain_is_pure = noClasses().that().resideInAPackage(QUIZ)
            .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..", "java.sql..", "java.net..",
                    "org.jdbi..", "io.javalin..", "org.slf4j..")
            .orShould().dependOnClassesThat().areAssignableTo(Clock.class)
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.security.SecureRandom");

    @ArchTest
    static final ArchRule web_holds_only_what_every_feature_shares = noClasses().that().resideInAPackage(WEB)
            .should().dependOnClassesThat().resideInAnyPackage(ROOT, CONTENT, ACCOUNT, ATTEMPT, REVIEW, CLI, OUTBOX);

    @ArchTest
    static final ArchRule content_sits_below_quiz_and_web_only = noClasses().that().resideInAPackage(CONTENT)
            .should().dependOnClassesThat().resideInAnyPackage(ROOT, ACCOUNT, ATTEMPT, REVIEW, CLI, OUTBOX);

    @ArchTest
    static final ArchRule the_outbox_knows_only_web = noClasses().that().resideInAPackage(OUTBOX)
            .should().dependOnClassesThat().resideInAnyPackage(ROOT, QUIZ, CONTENT, ACCOUNT, ATTEMPT, REVIEW, CLI, OPS);

    @ArchTest
    static final ArchRule accounts_know_nothing_of_attempts_or_reviews = noClasses().that().resideInAPackage(ACCOUNT)
            .should().dependOnClassesThat().resideInAnyPackage(ROOT, ATTEMPT, REVIEW, CLI);

    @ArchTest
    static final ArchRule attempts_know_nothing_of_reviews = noClasses().that().resideInAPackage(ATTEMPT)
            .should().dependOnClassesThat().resideInAnyPackage(ROOT, REVIEW, CLI);

    @ArchTest
    static final ArchRule only_the_wiring_knows_how_things_are_measured = noClasses()
            .that().resideInAnyPackage(QUIZ, WEB, CONTENT, ACCOUNT, ATTEMPT, REVIEW, OUTBOX)
            .should().dependOnClassesThat().resideInAPackage(OPS)
            .orShould().dependOnClassesThat().resideInAPackage("io.micrometer..");

    @ArchTest
    static final ArchRule ops_reads_attempts_content_and_web_only = noClasses().that().resideInAPackage(OPS)
            .should().dependOnClassesThat().resideInAnyPackage(ROOT, ACCOUNT, REVIEW, CLI);

    @ArchTest
    static final ArchRule reviews_do_not_reach_the_wiring = noClasses().that().resideInAPackage(REVIEW)
            .should().dependOnClassesThat().resideInAnyPackage(ROOT, CLI);

    @ArchTest
    static final ArchRule services_and_the_domain_never_import_javalin = noClasses()
            .that().resideInAnyPackage(QUIZ, CONTENT, ACCOUNT, ATTEMPT, REVIEW, OPS, OUTBOX)
            .and().haveSimpleNameNotEndingWith("Controller")
            .and().doNotHaveSimpleName("StaffAccess") // the session cookie and route-role check for the web layer
            .should().dependOnClassesThat().resideInAPackage("io.javalin..");

    @ArchTest
    static final ArchRule controllers_never_read_the_clock = noClasses().that().haveSimpleNameEndingWith("Controller")
            .should().dependOnClassesThat().areAssignableTo(Clock.class);
}
