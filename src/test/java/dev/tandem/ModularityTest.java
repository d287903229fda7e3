package dev.tandem;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(TandemApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    /**
     * Writes the module documentation to target/modules; {@code -Dtandem.module-docs=docs/modules}
     * refreshes the committed copy (the Documenter's ordering varies between runs, so an ordinary
     * build must not rewrite tracked files).
     */
    @Test
    void writesModuleDocumentation() {
        String folder = System.getProperty("tandem.module-docs", "target/modules");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder))
            .writeDocumentation()
            .writeIndividualModulesAsPlantUml();
    }
}
