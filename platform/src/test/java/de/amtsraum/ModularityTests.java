package de.amtsraum;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The bounded contexts are the packages below de.amtsraum; this keeps their boundaries honest. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(AmtsraumApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
