package io.sigmalang.launcher.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

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

    static ArchRule onlyPoolModulesUseThePoolEngine(String root) {
        return noClasses().that().resideOutsideOfPackages(root + ".pool..", root + ".domain.pool..")
                .should().dependOnClassesThat().resideInAPackage(root + ".domain.pool.engine..")
                .because("the engine is not API: applications use domain.pool and find strategies through"
                        + " domain.pool.spi, so that the engine can change without breaking them");
    }

    static ArchRule poolsTakeNoMonitor(String root) {
        return classes().that().resideInAnyPackage(root + ".pool..", root + ".domain.pool..")
                .should(takeNoMonitor())
                .because("a synchronized block or method pins a virtual thread to its carrier on Java 21;"
                        + " pools use compare-and-set and java.util.concurrent locks");
    }

    /**
     * No synchronized method and no {@code monitorenter} instruction (a synchronized block) in the class file.
     * ArchUnit does not model instructions, so the class file is read with ASM.
     */
    private static ArchCondition<JavaClass> takeNoMonitor() {
        return new ArchCondition<>("take no monitor (no synchronized method or block)") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                for (String method : monitorUsers(type)) {
                    events.add(SimpleConditionEvent.violated(type, type.getName() + "." + method
                            + " takes a monitor (synchronized)"));
                }
            }
        };
    }

    private static List<String> monitorUsers(JavaClass type) {
        List<String> found = new ArrayList<>();
        type.getMethods().stream().filter(m -> m.getModifiers().contains(JavaModifier.SYNCHRONIZED))
                .forEach(m -> found.add(m.getName() + " (synchronized method)"));
        ClassLoader loader = ArchitectureRules.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
            if (in == null) {
                throw new IllegalStateException("class file of " + type.getName() + " not found");
            }
            new ClassReader(in).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                        String[] exceptions) {
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitInsn(int opcode) {
                            if (opcode == Opcodes.MONITORENTER) {
                                found.add(name + " (synchronized block)");
                            }
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
