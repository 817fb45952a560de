package care.parcours.scheduling.slots;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import care.parcours.platform.domain.InvalidRequestException;
import care.parcours.platform.validation.CountryCode;
import care.parcours.platform.validation.LanguageCode;
import care.parcours.scheduling.availability.Mode;
import care.parcours.scheduling.availability.TimeRange;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Slots", description = "Free slots derived on demand from availability, holds and appointments.")
@RestController
class SlotController {

	private final SlotSearch search;

	SlotController(SlotSearch search) {
		this.search = search;
	}

	/**
	 * A free slot; {@code resources}, present only for types that need more than the
	 * practitioner, proposes one free resource per role (booking the slot may choose
	 * another free one of the kind).
	 */
	record SlotView(UUID practitionerId, UUID partnerId, String appointmentType, long durationMinutes, Set<Mode> modes,
			Instant start, Instant end, String timeZone, LocalDateTime localStart, LocalDateTime localEnd,
			@Nullable List<SlotResource> resources) {

		static SlotView of(FreeSlot slot) {
			return new SlotView(slot.practitionerId(), slot.partnerId(), slot.type().code(),
					slot.type().duration().toMinutes(), slot.modes(), slot.during().start(), slot.during().end(),
					slot.zone().getId(), LocalDateTime.ofInstant(slot.during().start(), slot.zone()),
					LocalDateTime.ofInstant(slot.during().end(), slot.zone()), slot.resources().isEmpty() ? null
							: slot.resources().stream().map(r -> new SlotResource(r.role(), r.resourceId())).toList());
		}

	}

	/** The resource proposed for a role of the slot's type. */
	record SlotResource(String role, UUID resourceId) {

	}

	record PageInfo(int size, @Nullable String next) {

	}

	record SlotPage(List<SlotView> content, PageInfo page) {

	}

	/**
	 * {@code from} and {@code to} are dates (read in {@code zone}, or in each clinic's
	 * zone when it is absent; {@code to} included) or instants such as
	 * {@code 2026-12-01T08:00:00Z}.
	 */
	@Operation(summary = "Search free slots",
			description = "Free slots earliest first across practitioners. from and to are dates (read in zone, or in each clinic's own zone) or instants of the years 1 to 9999, to at most 366 days after from; size and the after cursor page through them.")
	@GetMapping("/api/slots")
	SlotPage search(@RequestParam String from, @RequestParam String to,
			@RequestParam(required = false) @Nullable String zone,
			@RequestParam(required = false) @Nullable String specialty,
			@RequestParam(required = false) @Nullable @LanguageCode String language,
			@RequestParam(required = false) @Nullable UUID partnerId,
			@RequestParam(required = false) @Nullable UUID practitionerId,
			@RequestParam(required = false) @Nullable @CountryCode String country,
			@RequestParam(required = false) @Nullable String city,
			@RequestParam(required = false) @Nullable Set<Mode> mode,
			@RequestParam(required = false) @Nullable String appointmentType,
			@RequestParam(required = false) @Nullable @Min(5) @Max(720) Integer duration,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
			@RequestParam(required = false) @Nullable String after) {
		SlotQuery query = new SlotQuery(specialty, language, partnerId, practitionerId, country, city,
				period(from, to, zone), mode == null ? Set.of() : mode, appointmentType, duration);
		SlotSearch.Page page = search.search(query, size, after == null ? null : SlotCursor.decode(after));
		return new SlotPage(page.slots().stream().map(SlotView::of).toList(),
				new PageInfo(size, page.next() == null ? null : page.next().encode()));
	}

	private static Period period(String from, String to, @Nullable String zone) {
		ZoneId readIn = zone == null ? null : zone(zone);
		boolean dates = isDate(from) && isDate(to);
		Period period;
		if (dates) {
			LocalDate first = date("from", from);
			LocalDate last = date("to", to);
			if (last.isBefore(first)) {
				throw InvalidRequestException.ofField("to", "must not be before from");
			}
			if (first.plusDays(TimeRange.LONGEST_ASKED.toDays()).isBefore(last)) {
				throw TimeRange.tooLong();
			}
			period = new Period.Days(first, last, readIn);
		}
		else {
			period = new Period.Between(TimeRange.asked(instant("from", from), instant("to", to)));
		}
		return period;
	}

	private static boolean isDate(String text) {
		return text.length() == 10;
	}

	private static LocalDate date(String field, String text) {
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw InvalidRequestException.ofField(field, "must be a date such as 2026-12-01");
		}
	}

	private static Instant instant(String field, String text) {
		try {
			return isDate(text) ? date(field, text).atStartOfDay(ZoneId.of("UTC")).toInstant() : Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw InvalidRequestException.ofField(field,
					"must be a date such as 2026-12-01 or an instant such as" + " 2026-12-01T08:00:00Z");
		}
	}

	private static ZoneId zone(String id) {
		try {
			if (!id.contains("/")) {
				throw new DateTimeException(id);
			}
			return ZoneId.of(id);
		}
		catch (DateTimeException ex) {
			throw InvalidRequestException.ofField("zone", "must be an IANA time zone id such as Europe/Paris");
		}
	}

}
