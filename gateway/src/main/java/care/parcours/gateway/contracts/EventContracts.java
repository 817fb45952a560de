package care.parcours.gateway.contracts;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * Serves {@code docs/asyncapi/parcours-events.json}, which the build copies into the
 * gateway's class path: the AsyncAPI 3 document of every topic and event type, written
 * from the event catalog by the events module's tests. Public, as the OpenAPI documents
 * are: it describes contracts, not data.
 */
@Configuration(proxyBeanMethods = false)
class EventContracts {

	static final String PATH = "/asyncapi/parcours-events.json";

	@Bean
	RouterFunction<ServerResponse> eventContractsDocument() {
		Resource document = new ClassPathResource("asyncapi/parcours-events.json");
		return route()
			.GET(PATH,
					request -> ServerResponse.ok()
						.contentType(MediaType.APPLICATION_JSON)
						.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
						.bodyValue(document))
			.build();
	}

}
