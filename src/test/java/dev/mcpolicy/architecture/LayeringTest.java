package dev.mcpolicy.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The one-way flow docs/ARCHITECTURE.md draws: {@code cli → app → (chart | report | engine → rules) → graph →
 * manifest}, with {@code finding} the values that cross from engine to report and {@code secrets} a leaf every
 * layer that prints input text may use (recognising and masking secrets); no package cycles, at the top level and
 * inside the engine.
 */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.mcpolicy");
    }

    @Test
    void packagesFlowOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("cli").definedBy("dev.mcpolicy.cli..")
                .layer("docs").definedBy("dev.mcpolicy.docs..")
                .layer("build").definedBy("dev.mcpolicy.build..")
                .layer("app").definedBy("dev.mcpolicy.app..")
                .layer("chart").definedBy("dev.mcpolicy.chart..")
                .layer("report").definedBy("dev.mcpolicy.report..")
                .layer("config").definedBy("dev.mcpolicy.config..")
                .layer("baseline").definedBy("dev.mcpolicy.baseline..")
                .layer("waivers").definedBy("dev.mcpolicy.waivers..")
                .layer("engine").definedBy("dev.mcpolicy.engine..")
                .layer("rules").definedBy("dev.mcpolicy.rules..")
                .layer("secrets").definedBy("dev.mcpolicy.secrets..")
                .layer("graph").definedBy("dev.mcpolicy.graph..")
                .layer("finding").definedBy("dev.mcpolicy.finding..")
                .layer("manifest").definedBy("dev.mcpolicy.manifest..")
                .layer("parallel").definedBy("dev.mcpolicy.parallel..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("docs").mayNotBeAccessedByAnyLayer()
                .whereLayer("build").mayNotBeAccessedByAnyLayer()
                .whereLayer("app").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("chart").mayOnlyBeAccessedByLayers("app")
                .whereLayer("report").mayOnlyBeAccessedByLayers("app", "cli")
                .whereLayer("config").mayOnlyBeAccessedByLayers("app", "cli")
                .whereLayer("baseline").mayOnlyBeAccessedByLayers("app")
                .whereLayer("waivers").mayOnlyBeAccessedByLayers("config", "app")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("app", "cli", "docs", "build")
                .whereLayer("rules").mayOnlyBeAccessedByLayers("engine", "report", "app", "cli", "docs", "build")
                .whereLayer("secrets").mayOnlyBeAccessedByLayers("manifest", "finding", "graph", "engine", "chart",
                        "report", "config", "baseline", "waivers", "app", "cli")
                .whereLayer("graph").mayOnlyBeAccessedByLayers("engine", "app")
                .whereLayer("parallel").mayOnlyBeAccessedByLayers("manifest", "graph", "engine", "app")
                .whereLayer("finding").mayOnlyBeAccessedByLayers("engine", "rules", "report", "chart", "config",
                        "baseline", "waivers", "app", "cli", "docs")
                .check(classes);
    }

    @Test
    void noCyclesBetweenTopLevelPackages() {
        slices().matching("dev.mcpolicy.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void noCyclesInsideTheEngine() {
        slices().matching("dev.mcpolicy.engine.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void mechanismsKnowOnlyTheMechanismContract() {
        noClasses().that().resideInAnyPackage("dev.mcpolicy.engine.selectors..", "dev.mcpolicy.engine.assertions..",
                        "dev.mcpolicy.engine.mechanism..", "dev.mcpolicy.engine.workloads..")
                .should().dependOnClassesThat().resideInAPackage("dev.mcpolicy.engine")
                .because("a mechanism is a plugin: the compiler and engine find it, never the other way round")
                .check(classes);
        noClasses().that().resideInAPackage("dev.mcpolicy.engine.mechanism..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.mcpolicy.engine.selectors..",
                        "dev.mcpolicy.engine.assertions..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.mcpolicy.engine.workloads..")
                .should().dependOnClassesThat().resideInAPackage("dev.mcpolicy.engine.mechanism..")
                .check(classes);
    }

    @Test
    void secretRecognitionDependsOnNothingElseOfOurs() {
        noClasses().that().resideInAPackage("dev.mcpolicy.secrets..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.mcpolicy.manifest..", "dev.mcpolicy.graph..",
                        "dev.mcpolicy.finding..", "dev.mcpolicy.engine..", "dev.mcpolicy.rules..",
                        "dev.mcpolicy.chart..", "dev.mcpolicy.report..", "dev.mcpolicy.config..",
                        "dev.mcpolicy.baseline..", "dev.mcpolicy.waivers..", "dev.mcpolicy.app..", "dev.mcpolicy.cli..")
                .because("every layer masks printed text with it, so it must sit below them all")
                .check(classes);
    }

    @Test
    void parallelWorkDependsOnNothingElseOfOurs() {
        noClasses().that().resideInAPackage("dev.mcpolicy.parallel..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.mcpolicy.manifest..", "dev.mcpolicy.graph..",
                        "dev.mcpolicy.finding..", "dev.mcpolicy.engine..", "dev.mcpolicy.rules..",
                        "dev.mcpolicy.chart..", "dev.mcpolicy.report..", "dev.mcpolicy.config..",
                        "dev.mcpolicy.baseline..", "dev.mcpolicy.waivers..", "dev.mcpolicy.app..", "dev.mcpolicy.cli..",
                        "dev.mcpolicy.secrets..")
                .because("it is a leaf: a way to spread work over cores, below every layer that uses it")
                .check(classes);
    }

    @Test
    void theRuleFilesAreDataTheEngineReadsNotTheOtherWayRound() {
        noClasses().that().resideInAPackage("dev.mcpolicy.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.mcpolicy.engine..", "dev.mcpolicy.graph..")
                .check(classes);
    }
}
