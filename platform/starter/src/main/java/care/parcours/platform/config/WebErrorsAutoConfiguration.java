package care.parcours.platform.config;

import care.parcours.platform.problem.ProblemErrorController;
import care.parcours.platform.problem.ProblemHandler;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Import;

/**
 * Problem details for every error of a servlet service, including the container's error
 * path. Runs before Boot's MVC and error auto-configuration so that theirs back off.
 */
@AutoConfiguration(beforeName = { "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
		"org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({ ProblemHandler.class, ProblemErrorController.class })
public class WebErrorsAutoConfiguration {

}
