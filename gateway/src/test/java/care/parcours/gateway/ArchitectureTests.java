package care.parcours.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

class ArchitectureTests {

	static final JavaClasses gateway = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("care.parcours.gateway");

	@Test
	void featurePackagesHaveNoCycles() {
		slices().matching("care.parcours.gateway.(*)..").should().beFreeOfCycles().check(gateway);
	}

}
