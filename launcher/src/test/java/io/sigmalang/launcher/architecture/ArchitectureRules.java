package io.sigmalang.launcher.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rules of sigmalang, for a package root ({@code io.sigmalang} for the real code, a fixture
 * root for the tests of the rules themselves). Maven modules already keep each module from seeing the ones it
 * does not declare; these rules check what a pom cannot: third-party libraries, and the direction between
 * packages inside one classpath.
 */
final class ArchitectureRules {
    private ArchitectureRules() {
    }

    static ArchRule domainDependsOnlyOnTheJdk(String root) {
        return classes().that().resideInAPackage(root + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(root + ".domain..", "java..")
                .because("the domain is embedded by applications with plain constructors and must bring no library");
    }

    static ArchRule poolsDependOnlyOnTheDomainAndTheJdk(String root) {
        return classes().that().resideInAPackage(root + ".pool..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(root + ".pool..", root + ".domain..", "java..")
                .because("a pool strategy implements the domain's BufferPool port and nothing else");
    }

    static ArchRule poolsAreIndependentOfEachOther(String root) {
        return slices().matching(root + ".pool.(*)..")
                .should().notDependOnEachOther()
                .because("each strategy can be chosen, replaced or removed without touching the others");
    }

    static ArchRule adaptersSeeNoPoolAndNoLauncher(String root) {
        return noClasses().that().resideInAPackage(root + ".adapters..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".pool..", root + ".launcher..")
                .because("adapters work against the ports; which pool runs is the launcher's choice");
    }

    static ArchRule onlyTheLauncherUsesGuice(String root) {
        return noClasses().that().resideOutsideOfPackage(root + ".launcher..")
                .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "jakarta.inject..",
                        "javax.inject..")
                .because("domain, pools and adapters are wired with plain constructors; Guice stays in the launcher");
    }

    static ArchRule noPackageCycles(String root) {
        return slices().matching(root + ".(**)")
                .should().beFreeOfCycles()
                .because("packages are layered concepts; a cycle makes two of them one");
    }

    /**
     * The domain's internal packages (not exported by its module descriptor) are used by the domain alone. The
     * descriptor enforces this for modular code; this rule covers class-path code (launcher, bench) as well.
     */
    static ArchRule domainInternalsStayInTheDomain(String root) {
        return noClasses().that().resideOutsideOfPackage(root + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".domain.wire..", root + ".domain.hash..")
                .because("the wire format and the Σ-hash are the codec's internals, not published API; they may "
                        + "change in any release");
    }
}
