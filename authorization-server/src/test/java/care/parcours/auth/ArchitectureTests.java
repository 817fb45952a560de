package care.parcours.auth;

import care.parcours.test.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTests {

	@Test
	void featuresHaveNoCyclesAndDomainTypesNoFrameworks() {
		ArchitectureRules.verify("care.parcours.auth");
	}

}
