package care.parcours.test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The shape every service keeps: feature packages without cycles between them, and domain
 * types (everything that is not a Spring bean, a controller's nested request or response,
 * or configuration) free of framework imports.
 */
public final class ArchitectureRules {

	private ArchitectureRules() {
	}

	/** Checks the service whose application class lives in {@code basePackage}. */
	public static void verify(String basePackage) {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages(basePackage);
		featuresAreFreeOfCycles(basePackage).check(classes);
		domainTypesAreFreeOfFrameworks(basePackage).check(classes);
	}

	static ArchRule featuresAreFreeOfCycles(String basePackage) {
		return SlicesRuleDefinition.slices()
			.matching(basePackage + ".(*)..")
			.namingSlices("feature $1")
			.should()
			.beFreeOfCycles()
			.allowEmptyShould(true);
	}

	static ArchRule domainTypesAreFreeOfFrameworks(String basePackage) {
		return noClasses().that(domainTypes(basePackage))
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "jakarta.servlet..", "tools.jackson..", "org.apache.kafka..")
			.as("domain types of " + basePackage + " do not depend on frameworks")
			.allowEmptyShould(true);
	}

	private static DescribedPredicate<JavaClass> domainTypes(String basePackage) {
		return DescribedPredicate.describe("domain types",
				(JavaClass c) -> c.getPackageName().startsWith(basePackage + ".") && !isInfrastructure(c)
						&& c.getEnclosingClass().map(e -> !isInfrastructure(e)).orElse(true));
	}

	private static boolean isInfrastructure(JavaClass c) {
		String name = c.getSimpleName();
		return c.isMetaAnnotatedWith("org.springframework.stereotype.Component")
				|| c.isMetaAnnotatedWith("org.springframework.context.annotation.Configuration")
				|| c.isMetaAnnotatedWith("org.springframework.boot.context.properties.ConfigurationProperties")
				|| name.endsWith("Controller") || name.endsWith("Application") || name.equals("package-info");
	}

}
