package io.sigmalang.domain.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The domain is embedded by applications of every kind: it may use the JDK and nothing else. */
class DomainDependencyTest {

    @Test
    void domainDependsOnlyOnTheJdk() {
        JavaClasses domain = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.sigmalang.domain");
        ArchRule rule = classes().that().resideInAPackage("io.sigmalang.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.sigmalang.domain..", "java..")
                .because("the domain must stay embeddable without any framework or library");
        rule.check(domain);
    }
}
