package care.parcours.billing.notifications;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import care.parcours.billing.invoices.InvoiceService;
import care.parcours.billing.invoices.InvoiceStatus;
import care.parcours.billing.invoices.PaymentMethod;
import care.parcours.platform.domain.InvalidRequestException;
import care.parcours.platform.money.Money;
import care.parcours.platform.problem.ProblemTypes;
import care.parcours.platform.web.CorrelationIds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Payment notifications",
		description = "Payment providers report payments here, without a user token: each notification is signed with the secret billing shares with its provider (Standard Webhooks, as partner-service signs its own webhooks).")
@RestController
class PaymentNotificationController {

	private final NotificationProperties properties;

	private final InvoiceService invoices;

	private final JsonMapper json;

	private final Validator validator;

	private final Clock clock;

	PaymentNotificationController(NotificationProperties properties, InvoiceService invoices, JsonMapper json,
			Validator validator, Clock clock) {
		this.properties = properties;
		this.invoices = invoices;
		this.json = json;
		this.validator = validator;
		this.clock = clock;
	}

	@Schema(description = "A payment a provider received for an invoice.")
	record PaymentNotice(@NotNull UUID invoiceId, @NotNull @Pattern(regexp = "CARD|TRANSFER") String method,
			@Schema(description = "The provider's reference: one payment per provider and reference") @NotBlank @Size(
					max = 100) String reference,
			@NotNull Money amount, @Nullable Instant receivedAt) {

	}

	@Schema(description = "What the notification did to its invoice.")
	record Acknowledged(UUID invoiceId,
			@Schema(description = "False when the reference was recorded before: nothing changed") boolean recorded,
			InvoiceStatus status, Money balance) {

	}

	@Operation(summary = "Receive a payment provider's notification",
			description = "Permitted without a token. The body is read only once its signature is checked: webhook-signature is v1, then the base64 HMAC-SHA256, with the provider's secret, of webhook-id, '.', webhook-timestamp (Unix seconds), '.' and the raw body's bytes; several signatures separated by spaces while a secret is rotated. 400 signature-missing without those headers; 401 signature-invalid when no signature matches (or the provider is unknown), signature-expired when the timestamp is more than parcours.billing.payment-notifications.tolerance (5 min) from billing's clock; nothing is written then. A notification received twice (its reference) records one payment and answers recorded: false.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json",
							schema = @Schema(implementation = PaymentNotice.class))))
	@ApiResponse(responseCode = "200", useReturnTypeSchema = true)
	@PostMapping(path = "/api/payment-notifications/{provider}", consumes = "application/json")
	Acknowledged receive(@PathVariable String provider,
			@Parameter(in = ParameterIn.HEADER, description = "The message's id") @RequestHeader(name = "webhook-id",
					required = false) @Nullable String messageId,
			@Parameter(in = ParameterIn.HEADER, description = "When it was sent, in Unix seconds") @RequestHeader(
					name = "webhook-timestamp", required = false) @Nullable String timestamp,
			@Parameter(in = ParameterIn.HEADER, description = "v1,<base64 HMAC-SHA256>") @RequestHeader(
					name = "webhook-signature", required = false) @Nullable String signature,
			@Parameter(hidden = true) @RequestBody byte[] body) {
		if (messageId == null || messageId.isBlank() || timestamp == null || signature == null
				|| !timestamp.matches("\\d{1,12}")) {
			throw new InvalidRequestException("signature-missing",
					"A notification carries webhook-id, webhook-timestamp (Unix seconds) and webhook-signature.");
		}
		NotificationProperties.Provider known = properties.provider(provider);
		long sentAt = Long.parseLong(timestamp);
		if (known == null || !NotificationSignature.verify(signature, known.key(), messageId, sentAt, body)) {
			throw refused("signature-invalid", "The notification's signature is not the one expected of "
					+ InvalidRequestException.quote(provider) + ".");
		}
		Duration age = Duration.between(Instant.ofEpochSecond(sentAt), clock.instant()).abs();
		if (age.compareTo(properties.tolerance()) > 0) {
			throw refused("signature-expired",
					"The notification was signed " + age.toSeconds() + " s away from billing's clock, more than the "
							+ properties.tolerance().toSeconds() + " s tolerated: a replay, or a clock astray.");
		}
		PaymentNotice notice = notice(body);
		InvoiceService.Paid paid = invoices.pay(notice.invoiceId(),
				new InvoiceService.PaymentRequest(PaymentMethod.valueOf(notice.method()), provider, notice.reference(),
						null, notice.amount(), notice.receivedAt()));
		return new Acknowledged(paid.invoice().id(), paid.recorded(), paid.invoice().status(),
				paid.invoice().balance());
	}

	private PaymentNotice notice(byte[] body) {
		PaymentNotice notice;
		try {
			notice = json.readValue(body, PaymentNotice.class);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw new InvalidRequestException(ProblemTypes.MALFORMED, "The notification is not a payment notice.");
		}
		Set<ConstraintViolation<PaymentNotice>> violations = validator.validate(notice);
		if (!violations.isEmpty()) {
			ConstraintViolation<PaymentNotice> first = violations.iterator().next();
			throw InvalidRequestException.ofField(first.getPropertyPath().toString(), first.getMessage());
		}
		return notice;
	}

	private static SignatureRefused refused(String type, String detail) {
		return new SignatureRefused(type, detail);
	}

	/**
	 * A 401 of this endpoint's own: the domain's exceptions have none, and Spring
	 * Security's speak of tokens.
	 */
	@ExceptionHandler(SignatureRefused.class)
	ResponseEntity<ProblemDetail> refusal(SignatureRefused refused, HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, refused.getMessage());
		problem.setType(ProblemTypes.of(refused.type));
		problem.setTitle("Unauthorized");
		problem.setInstance(URI.create(request.getRequestURI()));
		problem.setProperty("correlationId", CorrelationIds.current());
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	static final class SignatureRefused extends RuntimeException {

		private final String type;

		SignatureRefused(String type, String detail) {
			super(detail, null, false, false);
			this.type = type;
		}

	}

}
