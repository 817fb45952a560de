package care.parcours.partner.partners;

import org.springframework.web.bind.annotation.RequestHeader;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import care.parcours.platform.idempotency.IdempotentRequests;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import care.parcours.platform.domain.ExpectedVersion;
import care.parcours.platform.openapi.ETagged;
import care.parcours.platform.security.Caller;
import care.parcours.platform.validation.CountryCode;
import care.parcours.platform.validation.LanguageCode;
import care.parcours.platform.validation.TimeZoneId;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import care.parcours.platform.web.Versioned;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Partners", description = "Hospitals, clinics and networks of the care network.")
@RestController
@RequestMapping("/api/partners")
class PartnerController {

	private final PartnerDirectory directory;

	private final IdempotentRequests idempotency;

	PartnerController(PartnerDirectory directory, IdempotentRequests idempotency) {
		this.directory = directory;
		this.idempotency = idempotency;
	}

	/** A new partner: its kind and time zone are given once, here. */
	record RegistrationForm(@NotBlank @Size(max = 200) String name, @NotNull PartnerKind kind,
			@NotNull @CountryCode String country, @NotBlank @Size(max = 120) String city,
			@Nullable @Size(max = 200) String street, @Nullable @Size(max = 20) String postalCode,
			@NotNull @TimeZoneId String timeZone, @Nullable @Valid LocationForm location,
			@NotNull @Size(max = 50) List<@NotBlank String> specialties,
			@NotEmpty @Size(max = 20) List<@NotNull @LanguageCode String> languages,
			@Nullable @Size(max = 20) List<@NotNull @Valid AccreditationForm> accreditations,
			@Nullable @Size(max = 20) List<@NotNull @Valid ContactForm> contacts) {

		PartnerProfile profile() {
			return new ProfileForm(name, country, city, street, postalCode, location, specialties, languages,
					accreditations, contacts)
				.profile();
		}

	}

	/** Everything that can be edited; what is left out is removed (PUT replaces). */
	record ProfileForm(@NotBlank @Size(max = 200) String name, @NotNull @CountryCode String country,
			@NotBlank @Size(max = 120) String city, @Nullable @Size(max = 200) String street,
			@Nullable @Size(max = 20) String postalCode, @Nullable @Valid LocationForm location,
			@NotNull @Size(max = 50) List<@NotBlank String> specialties,
			@NotEmpty @Size(max = 20) List<@NotNull @LanguageCode String> languages,
			@Nullable @Size(max = 20) List<@NotNull @Valid AccreditationForm> accreditations,
			@Nullable @Size(max = 20) List<@NotNull @Valid ContactForm> contacts) {

		PartnerProfile profile() {
			return new PartnerProfile(name, new Address(street, postalCode, city, country),
					location == null ? null : new Coordinates(location.latitude(), location.longitude()), specialties,
					languages,
					accreditations == null ? List.of()
							: accreditations.stream()
								.map(a -> new Accreditation(a.issuer(), a.level(), a.expiresOn()))
								.toList(),
					contacts == null ? List.of()
							: contacts.stream()
								.map(c -> new Contact(c.role(), c.name(), c.email(), c.phone()))
								.toList());
		}

	}

	record LocationForm(@NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
			@NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude) {

	}

	record AccreditationForm(@NotBlank @Size(max = 80) String issuer, @NotBlank @Size(max = 40) String level,
			@NotNull LocalDate expiresOn) {

	}

	record ContactForm(@NotNull ContactRole role, @NotBlank @Size(max = 200) String name,
			@Nullable @Email @Size(max = 200) String email, @Nullable @Pattern(regexp = "^\\+[1-9][0-9]{6,14}$",
					message = "must be an E.164 number such as +33472000000") String phone) {

	}

	record PartnerView(UUID id, String name, PartnerKind kind, OnboardingStatus status, String country, String city,
			@Nullable String street, @Nullable String postalCode, String timeZone, @Nullable Coordinates location,
			List<String> specialties, List<String> languages, List<Accreditation> accreditations,
			List<Contact> contacts, long version, Instant registeredAt) {

		static PartnerView of(Partner partner) {
			PartnerProfile profile = partner.profile();
			return new PartnerView(partner.id(), profile.name(), partner.kind(), partner.status(), partner.country(),
					partner.city(), profile.address().street(), profile.address().postalCode(),
					partner.timeZone().getId(), profile.location(), profile.specialties(), profile.languages(),
					profile.accreditations(), profile.contacts(), partner.version(), partner.registeredAt());
		}

	}

	@Operation(summary = "Register a partner",
			description = "A hospital, clinic or network joins; it starts PENDING until an administrator activates it. With an Idempotency-Key, a retried request registers once and gets the first answer.")
	@ApiResponse(responseCode = "201", description = "Created",
			content = @Content(schema = @Schema(implementation = PartnerView.class)))
	@ETagged
	@PostMapping
	ResponseEntity<?> register(@RequestHeader(name = IdempotentRequests.HEADER, required = false) @Nullable String key,
			@Valid @RequestBody RegistrationForm form) {
		return idempotency.run(key, "POST /api/partners", form, () -> {
			Partner partner = directory.register(form.kind(), ZoneId.of(form.timeZone()), form.profile());
			return Versioned.created(URI.create("/api/partners/" + partner.id()), partner.version(),
					PartnerView.of(partner));
		});
	}

	@Operation(summary = "Get a partner",
			description = "One partner, with the version to send back in If-Match as ETag.")
	@ETagged
	@GetMapping("/{id}")
	ResponseEntity<PartnerView> get(@PathVariable UUID id) {
		if (!Caller.current().maySee(id)) {
			throw new PartnerDirectory.PartnerNotFound(id);
		}
		return versioned(directory.get(id));
	}

	@Operation(summary = "List partners", description = "Every partner, by name.")
	@GetMapping
	Page<PartnerView> list(PageQuery page) {
		return directory.list(page).map(PartnerView::of);
	}

	@Operation(summary = "Revise a partner",
			description = "Replaces the partner's profile on the version If-Match names.")
	@PutMapping("/{id}")
	ResponseEntity<PartnerView> revise(@PathVariable UUID id, ExpectedVersion expected,
			@Valid @RequestBody ProfileForm form) {
		return versioned(directory.revise(id, expected, form.profile()));
	}

	static ResponseEntity<PartnerView> versioned(Partner partner) {
		return Versioned.ok(partner.version(), PartnerView.of(partner));
	}

}
