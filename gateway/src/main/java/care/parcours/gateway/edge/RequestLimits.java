package care.parcours.gateway.edge;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import care.parcours.gateway.problem.RequestRefused;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses requests whose headers or body are larger than configured, with a problem (the
 * server's own header limit, further out, answers a bare status). A body is streamed to
 * the service, never held in the gateway: one without a {@code Content-Length} is counted
 * as it passes and cut off at the limit. Uploads ({@code multipart/*} bodies) have a
 * limit of their own, larger, so that documents pass without raising the limit of every
 * JSON body; the service holds each upload to its own, finer limits.
 */
@Component
class RequestLimits implements WebFilter, Ordered {

	private final long maxHeaderBytes;

	private final long maxBodyBytes;

	private final long maxUploadBytes;

	RequestLimits(RequestLimitProperties properties) {
		this.maxHeaderBytes = properties.maxHeaderSize().toBytes();
		this.maxBodyBytes = properties.maxBodySize().toBytes();
		this.maxUploadBytes = properties.maxUploadSize().toBytes();
	}

	@Override
	public int getOrder() {
		// After the correlation id and CORS, before Spring Security (-100): a huge token
		// is refused before it is parsed.
		return Ordered.HIGHEST_PRECEDENCE + 20;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (headerBytes(request) > this.maxHeaderBytes) {
			return Mono.error(RequestRefused.of(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "headers-too-large",
					"The request headers are larger than " + this.maxHeaderBytes + " bytes."));
		}
		long limit = isUpload(request) ? this.maxUploadBytes : this.maxBodyBytes;
		long length = request.getHeaders().getContentLength();
		if (length > limit) {
			return Mono.error(tooLarge(limit));
		}
		if (length >= 0 || !mayCarryBody(request)) {
			return chain.filter(exchange);
		}
		return chain.filter(exchange.mutate().request(new CountedBody(request, limit)).build());
	}

	/**
	 * Without a length, only a chunked request has a body; a GET, HEAD or OPTIONS that is
	 * not chunked has none (RFC 9112, section 6.3).
	 */
	private static boolean mayCarryBody(ServerHttpRequest request) {
		return request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)
				|| !(HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod())
						|| HttpMethod.OPTIONS.equals(request.getMethod()));
	}

	private static boolean isUpload(ServerHttpRequest request) {
		MediaType type = request.getHeaders().getContentType();
		return type != null && "multipart".equalsIgnoreCase(type.getType());
	}

	private long headerBytes(ServerHttpRequest request) {
		long bytes = 0;
		for (Map.Entry<String, List<String>> header : request.getHeaders().headerSet()) {
			for (String value : header.getValue()) {
				bytes += header.getKey().length() + value.length() + 4; // ": " and CRLF
			}
		}
		return bytes;
	}

	private static RequestRefused tooLarge(long limit) {
		return RequestRefused.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
				"The request body is larger than " + limit + " bytes.");
	}

	/** A body of unannounced length, cut off with a 413 once past the limit. */
	private static final class CountedBody extends ServerHttpRequestDecorator {

		private final long limit;

		CountedBody(ServerHttpRequest delegate, long limit) {
			super(delegate);
			this.limit = limit;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			AtomicLong seen = new AtomicLong();
			return super.getBody().handle((buffer, sink) -> {
				if (seen.addAndGet(buffer.readableByteCount()) > this.limit) {
					DataBufferUtils.release(buffer);
					sink.error(tooLarge(this.limit));
				}
				else {
					sink.next(buffer);
				}
			});
		}

	}

}
