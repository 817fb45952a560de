package care.parcours.platform.web;

import java.util.function.Function;

import care.parcours.platform.domain.ExpectedVersion;

import org.springframework.web.context.request.NativeWebRequest;

/**
 * A controller method argument read from a request header, declared as a bean: controller
 * methods take the type rather than the header, and the API document shows the header on
 * every operation whose method takes it. The platform reads {@link ExpectedVersion} from
 * {@code If-Match} this way.
 *
 * @param <T> the argument's type
 * @param type the argument's type
 * @param header the header it is read from
 * @param required whether the document says a request must send it
 * @param description what the document says of the header
 * @param read the argument from the request, or an exception the problem handler answers
 */
public record HeaderArgument<T>(Class<T> type, String header, boolean required, String description,
		Function<NativeWebRequest, T> read) {

}
