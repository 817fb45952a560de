package care.parcours.platform.openapi;

import java.util.Arrays;
import java.util.List;

import care.parcours.platform.domain.ExpectedVersion;
import care.parcours.platform.security.ParcoursSecurityProperties;
import care.parcours.platform.web.HeaderArgument;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * The document's header and security schemes: a bearer JWT on every operation, obtained
 * from the issuer by client credentials (partner systems) or authorization code with PKCE
 * (people). An operation that takes an {@link ExpectedVersion}, or another
 * {@link HeaderArgument}, shows the header it is read from.
 */
@AutoConfiguration(before = ContractDocumentation.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(OpenAPI.class)
public class OpenApiDocumentation {

	static final String BEARER = "bearer";

	static final String OAUTH2 = "oauth2";

	@Bean
	@ConditionalOnMissingBean
	OpenAPI parcoursOpenApi(@Value("${spring.application.name}") String application,
			@Value("${parcours.openapi.server-url:http://localhost:8080}") String serverUrl,
			@Value("${parcours.openapi.contact.name:Parcours platform team}") String contactName,
			@Value("${parcours.openapi.contact.email:api@parcours.care}") String contactEmail,
			@Value("${parcours.openapi.contact.url:https://parcours.care/developers}") String contactUrl,
			ParcoursSecurityProperties security) {
		String issuer = security.issuer().replaceAll("/+$", "");
		Scopes partnerScopes = new Scopes()
			.addString("partner.availability.write", "Push the partner's practitioners' availability")
			.addString("partner.appointments.read", "Read the appointments concerning the partner")
			.addString("partner.quotes.read", "Read the quotes concerning the partner");
		return new OpenAPI()
			.info(new Info().title("Parcours " + application)
				.version("v1")
				.contact(new Contact().name(contactName).email(contactEmail).url(contactUrl))
				.description("""
						Parcours %s, reached through the gateway. Every error is an RFC 9457 problem \
						(application/problem+json, the Problem schema); answers omit properties whose \
						value is null, so a property a schema does not list as required may be absent; \
						edits name the version they change in If-Match (the ETag of the last read); \
						collections are paged with page (from 0) and size (1 to 100). Roles and scopes \
						per endpoint: see the role matrix in the README.""".formatted(application)))
			.servers(List.of(new Server().url(serverUrl).description("The gateway")))
			.components(new Components()
				.addSecuritySchemes(BEARER,
						new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT"))
				.addSecuritySchemes(OAUTH2, new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
					.flows(new OAuthFlows()
						.clientCredentials(new OAuthFlow().tokenUrl(issuer + "/oauth2/token").scopes(partnerScopes))
						.authorizationCode(new OAuthFlow().authorizationUrl(issuer + "/oauth2/authorize")
							.tokenUrl(issuer + "/oauth2/token")
							.scopes(new Scopes().addString("openid", "Sign in"))))))
			.addSecurityItem(new SecurityRequirement().addList(BEARER))
			.addSecurityItem(new SecurityRequirement().addList(OAUTH2));
	}

	/**
	 * Each {@link HeaderArgument}'s header on the operations whose method takes it, in
	 * the order of the beans: a service's before the platform's {@code If-Match}. Before
	 * {@link ContractDocumentation}'s customizer (springdoc runs them in the order they
	 * were registered), so that the headers stand before the paging parameters, where a
	 * {@code @RequestHeader} parameter would.
	 */
	@Bean
	OperationCustomizer headerArguments(ObjectProvider<HeaderArgument<?>> beans) {
		List<HeaderArgument<?>> arguments = beans.orderedStream().toList();
		arguments.forEach((argument) -> SpringDocUtils.getConfig().addRequestWrapperToIgnore(argument.type()));
		return (operation, handler) -> {
			for (HeaderArgument<?> argument : arguments) {
				if (Arrays.stream(handler.getMethodParameters())
					.anyMatch((parameter) -> parameter.getParameterType() == argument.type())) {
					operation.addParametersItem(new HeaderParameter().name(argument.header())
						.required(argument.required())
						.description(argument.description())
						.schema(new StringSchema()));
				}
			}
			return operation;
		};
	}

}
