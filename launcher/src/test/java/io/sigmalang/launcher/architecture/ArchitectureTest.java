package io.sigmalang.launcher.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The architecture rules over the production classes of every module (all are on the launcher's classpath). */
class ArchitectureTest {
    private static final String ROOT = "io.sigmalang";

    /** Test classes, including the domain's test-jar, are not production code. */
    private static final ImportOption PRODUCTION_ONLY = location ->
            !location.contains("/test-classes/") && !location.contains("-tests.jar");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(PRODUCTION_ONLY).importPackages(ROOT);
    }

    @Test
    void domainDependsOnlyOnTheJdk() {
        ArchitectureRules.domainDependsOnlyOnTheJdk(ROOT).check(classes);
    }

    @Test
    void poolsDependOnlyOnTheDomainAndTheJdk() {
        ArchitectureRules.poolsDependOnlyOnTheDomainAndTheJdk(ROOT).check(classes);
    }

    @Test
    void poolsAreIndependentOfEachOther() {
        ArchitectureRules.poolsAreIndependentOfEachOther(ROOT).check(classes);
    }

    @Test
    void adaptersSeeNoPoolAndNoLauncher() {
        ArchitectureRules.adaptersSeeNoPoolAndNoLauncher(ROOT).check(classes);
    }

    @Test
    void onlyTheLauncherUsesGuice() {
        ArchitectureRules.onlyTheLauncherUsesGuice(ROOT).check(classes);
    }

    @Test
    void noPackageCycles() {
        ArchitectureRules.noPackageCycles(ROOT).check(classes);
    }

    @Test
    void onlyPoolModulesUseThePoolEngine() {
        ArchitectureRules.onlyPoolModulesUseThePoolEngine(ROOT).check(classes);
    }

    @Test
    void poolsTakeNoMonitor() {
        ArchitectureRules.poolsTakeNoMonitor(ROOT).check(classes);
    }
}
