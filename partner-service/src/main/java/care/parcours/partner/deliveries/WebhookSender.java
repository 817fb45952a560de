package care.parcours.partner.deliveries;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import care.parcours.partner.webhooks.WebhookAddressPolicy;
import care.parcours.partner.webhooks.WebhookEndpoint;
import care.parcours.partner.webhooks.WebhookSignature;
import care.parcours.platform.tracing.DeferredTracing;
import io.micrometer.tracing.Span;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Makes one attempt: posts the message to the endpoint with the Standard Webhooks headers
 * and reads nothing but the status of the answer. Redirects are not followed: a redirect
 * could lead to an address the endpoint's own could not.
 */
@Component
class WebhookSender implements DisposableBean {

	private final HttpClient http;

	private final WebhookAddressPolicy addresses;

	private final DeliveryProperties properties;

	private final Clock clock;

	private final DeferredTracing tracing;

	WebhookSender(WebhookAddressPolicy addresses, DeliveryProperties properties, Clock clock, DeferredTracing tracing) {
		this.addresses = addresses;
		this.properties = properties;
		this.clock = clock;
		this.tracing = tracing;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.executor(Executors.newVirtualThreadPerTaskExecutor())
			.build();
	}

	/**
	 * @throws InterruptedException when the process stops meanwhile: nothing is recorded,
	 * and the delivery is claimed again once its lease lapses
	 */
	AttemptResult send(WebhookEndpoint endpoint, Delivery.Claimed claimed) throws InterruptedException {
		String refusal = addresses.refusal(endpoint.url());
		if (refusal != null) {
			return new AttemptResult(AttemptOutcome.FORBIDDEN_ADDRESS, null, 0, "the URL " + refusal);
		}
		Instant now = clock.instant();
		String messageId = claimed.delivery().id().toString();
		long timestamp = now.getEpochSecond();
		// Each attempt is a client span of the trace of the event that caused it; the
		// partner receives its traceparent, to join the trace if it traces too.
		Span span = tracing.continueAs(claimed.trace(), "webhook post", Span.Kind.CLIENT)
			.tag("http.request.method", "POST")
			.tag("server.address", String.valueOf(endpoint.url().getHost()))
			.tag("parcours.webhook.delivery", messageId);
		HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.url())
			.timeout(properties.timeout())
			.header("Content-Type", "application/json")
			.header("User-Agent", "Parcours-Webhooks/1")
			.header("webhook-id", messageId)
			.header("webhook-timestamp", Long.toString(timestamp))
			.header("webhook-signature",
					WebhookSignature.sign(messageId, timestamp, claimed.payload(), endpoint.signingSecrets(now)))
			.POST(HttpRequest.BodyPublishers.ofString(claimed.payload()));
		tracing.inject(span, request, HttpRequest.Builder::setHeader);
		try {
			AttemptResult result = attempt(request.build());
			span.tag("parcours.webhook.outcome", result.outcome().name());
			return result;
		}
		finally {
			span.end();
		}
	}

	private AttemptResult attempt(HttpRequest request) throws InterruptedException {
		long started = System.nanoTime();
		try {
			HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
			long latency = millisSince(started);
			int status = response.statusCode();
			return status >= 200 && status < 300 ? new AttemptResult(AttemptOutcome.DELIVERED, status, latency, null)
					: new AttemptResult(AttemptOutcome.REJECTED, status, latency, "answered " + status);
		}
		catch (HttpTimeoutException ex) {
			return new AttemptResult(AttemptOutcome.TIMED_OUT, null, millisSince(started),
					"no answer within " + properties.timeout().toMillis() + " ms");
		}
		catch (IOException ex) {
			return new AttemptResult(AttemptOutcome.UNREACHABLE, null, millisSince(started),
					ex.getClass().getSimpleName());
		}
	}

	private static long millisSince(long started) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
	}

	@Override
	public void destroy() {
		http.shutdownNow();
	}

}
