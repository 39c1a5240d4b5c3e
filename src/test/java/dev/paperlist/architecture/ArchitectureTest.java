package dev.paperlist.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules that keep the source tree telling the story of the data flow (files → model → renderer →
 * files): checked on the compiled classes, so a stray import fails the build instead of a review.
 */
class ArchitectureTest {
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.paperlist");
    }

    @Test
    void theModelDependsOnNothingButTheJdk() {
        classes().that().resideInAPackage("dev.paperlist.model..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.paperlist.model..", "java..")
                .check(main);
    }

    @Test
    void nothingDependsOnTheCommandLine() {
        noClasses().that().resideOutsideOfPackage("dev.paperlist.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.paperlist.cli..")
                .check(main);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.paperlist.(*)..").should().beFreeOfCycles().check(main);
    }

    // The top-level rule sees catalog and its subpackages as one slice; this one sees every package.
    @Test
    void noTwoPackagesDependOnEachOther() {
        slices().matching("dev.paperlist.(**)").should().beFreeOfCycles().check(main);
    }

    @Test
    void theRendererReadsOnlyTheModelAndWritesThroughTheMarkdownConventions() {
        classes().that().resideInAPackage("dev.paperlist.render..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.paperlist.render..", "dev.paperlist.markdown..",
                        "dev.paperlist.model..", "dev.paperlist", "java..", "org.commonmark..")
                .check(main);
    }

    @Test
    void theMarkdownConventionsStandOnTheModelAlone() {
        classes().that().resideInAPackage("dev.paperlist.markdown..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.paperlist.markdown..", "dev.paperlist.model..",
                        "dev.paperlist", "java..", "org.commonmark..")
                .check(main);
    }

    // The linter finds anchors as the renderer makes them, through the conventions both share.
    @Test
    void theLinterDoesNotDependOnTheRenderer() {
        noClasses().that().resideInAPackage("dev.paperlist.lint..")
                .should().dependOnClassesThat().resideInAPackage("dev.paperlist.render..")
                .check(main);
    }

    @Test
    void theFileLayerStandsOnTheSharedTypesAlone() {
        classes().that().resideInAPackage("dev.paperlist.io..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.paperlist.io..", "dev.paperlist", "java..")
                .check(main);
    }

    @Test
    void theCatalogueIsReadBeforeAnythingThatUsesIt() {
        noClasses().that().resideInAPackage("dev.paperlist.catalog..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.paperlist.render..", "dev.paperlist.site..",
                        "dev.paperlist.export..", "dev.paperlist.sync..", "dev.paperlist.importer..",
                        "dev.paperlist.lint..", "dev.paperlist.links..", "dev.paperlist.refresh..", "dev.paperlist.add..",
                        "dev.paperlist.contribute..", "dev.paperlist.fetch..", "dev.paperlist.metrics..",
                        "dev.paperlist.hooks..")
                .check(main);
    }

    // Reading the YAML, binding it to the model, editing the file: each stage knows only the ones before it.
    @Test
    void theCatalogueStagesDependOnlyOnEarlierOnes() {
        noClasses().that().resideInAPackage("dev.paperlist.catalog.yaml..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.paperlist.catalog", "dev.paperlist.catalog.edit..")
                .check(main);
        noClasses().that().resideInAPackage("dev.paperlist.catalog")
                .should().dependOnClassesThat().resideInAPackage("dev.paperlist.catalog.edit..")
                .check(main);
    }
}
