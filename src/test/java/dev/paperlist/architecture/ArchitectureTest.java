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

    @Test
    void theRendererReadsOnlyTheModel() {
        classes().that().resideInAPackage("dev.paperlist.render..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.paperlist.render..", "dev.paperlist.model..",
                        "dev.paperlist", "java..", "org.commonmark..")
                .check(main);
    }
}
