package io.sigmalang.launcher.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules themselves, on a fixture with known violations (package {@code fixture}, imported on its own):
 * each rule must catch its violation and must not flag what it allows. A rule that cannot fail proves nothing.
 */
class ArchitectureRulesTest {
    private static final String ROOT = "io.sigmalang.launcher.architecture.fixture";

    private static JavaClasses fixture;

    @BeforeAll
    static void importFixture() {
        fixture = new ClassFileImporter().importPackages(ROOT);
    }

    private static String violations(ArchRule rule) {
        EvaluationResult result = rule.evaluate(fixture);
        assertTrue(result.hasViolation(), "the rule found no violation in the fixture: " + rule.getDescription());
        return result.getFailureReport().toString();
    }

    @Test
    void domainRuleCatchesTheDomainUsingAnAdapter() {
        String report = violations(ArchitectureRules.domainDependsOnlyOnTheJdk(ROOT));
        assertTrue(report.contains("LeakyTree"), report);
        assertFalse(report.contains("CleanNode"), report);
    }

    @Test
    void poolRulesCatchAPoolUsingAnotherPool() {
        String report = violations(ArchitectureRules.poolsAreIndependentOfEachOther(ROOT));
        assertTrue(report.contains("FixedThing") && report.contains("AdaptiveThing"), report);
    }

    @Test
    void poolRuleCatchesAPoolUsingALibrary() {
        String report = violations(ArchitectureRules.poolsDependOnlyOnTheDomainAndTheJdk(ROOT));
        assertTrue(report.contains("AdaptiveThing") && report.contains("org.slf4j"), report);
        // The fixed pool's use of the domain's CleanNode is allowed.
        assertFalse(report.contains("CleanNode"), report);
    }

    @Test
    void adapterRuleCatchesAnAdapterUsingTheLauncherOrAPool() {
        String report = violations(ArchitectureRules.adaptersSeeNoPoolAndNoLauncher(ROOT));
        assertTrue(report.contains("TreeWriter") && report.contains("Boot"), report);
        assertTrue(report.contains("InjectedParser") && report.contains("FixedThing"), report);
    }

    @Test
    void guiceRuleCatchesGuiceOutsideTheLauncherOnly() {
        String report = violations(ArchitectureRules.onlyTheLauncherUsesGuice(ROOT));
        assertTrue(report.contains("InjectedParser"), report);
        assertFalse(report.contains("Boot"), report);
    }

    @Test
    void cycleRuleCatchesAdaptersAndLauncherUsingEachOther() {
        String report = violations(ArchitectureRules.noPackageCycles(ROOT));
        assertTrue(report.contains("fixture.adapters") && report.contains("fixture.launcher"), report);
    }

    @Test
    void engineRuleCatchesTheLauncherUsingThePoolEngineButNotAPool() {
        String report = violations(ArchitectureRules.onlyPoolModulesUseThePoolEngine(ROOT));
        assertTrue(report.contains("EngineShortcut"), report);
        assertFalse(report.contains("EngineStrategy"), report);
    }

    @Test
    void monitorRuleCatchesASynchronizedBlockAndASynchronizedMethod() {
        String report = violations(ArchitectureRules.poolsTakeNoMonitor(ROOT));
        assertTrue(report.contains("LockingThing.next (synchronized block)"), report);
        assertTrue(report.contains("LockedMethod.next (synchronized method)"), report);
        assertFalse(report.contains("FixedThing"), report);
    }
}
