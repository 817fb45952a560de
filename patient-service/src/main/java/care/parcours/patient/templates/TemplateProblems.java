package care.parcours.patient.templates;

import care.parcours.platform.domain.ConflictException;
import care.parcours.platform.problem.ConstraintProblem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the template tables' constraints mean to a client. */
@Configuration(proxyBeanMethods = false)
class TemplateProblems {

	@Bean
	ConstraintProblem<PathwayTemplate> templateCodeTaken() {
		return ConstraintProblem.of("pathway_template_code_taken", PathwayTemplate.class,
				template -> new ConflictException("template-code-taken", "A pathway template already has the code '"
						+ template.code() + "': publish a new version of it instead."));
	}

}
