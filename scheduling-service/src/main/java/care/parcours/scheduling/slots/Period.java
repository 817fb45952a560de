package care.parcours.scheduling.slots;

import java.time.LocalDate;
import java.time.ZoneId;

import care.parcours.scheduling.availability.TimeRange;
import org.jspecify.annotations.Nullable;

/**
 * The span a slot search covers: two instants, or a range of dates read in one zone (the
 * patient's) or, when no zone is given, in each clinic's own zone.
 */
public sealed interface Period {

	/** The span in the zone of a practitioner. */
	TimeRange in(ZoneId practitionerZone);

	/** A span covering every practitioner's. */
	TimeRange bounds();

	record Between(TimeRange range) implements Period {

		@Override
		public TimeRange in(ZoneId practitionerZone) {
			return range;
		}

		@Override
		public TimeRange bounds() {
			return range;
		}

	}

	/**
	 * @param first the first day
	 * @param last the last day, included
	 * @param zone the zone the days are read in; null for each clinic's own
	 */
	record Days(LocalDate first, LocalDate last, @Nullable ZoneId zone) implements Period {

		/** The zones furthest ahead and behind UTC bound every clinic's day. */
		private static final ZoneId EARLIEST = ZoneId.of("Etc/GMT-14");

		private static final ZoneId LATEST = ZoneId.of("Etc/GMT+12");

		@Override
		public TimeRange in(ZoneId practitionerZone) {
			ZoneId reading = zone == null ? practitionerZone : zone;
			return new TimeRange(first.atStartOfDay(reading).toInstant(),
					last.plusDays(1).atStartOfDay(reading).toInstant());
		}

		@Override
		public TimeRange bounds() {
			return zone != null ? in(zone) : new TimeRange(first.atStartOfDay(EARLIEST).toInstant(),
					last.plusDays(1).atStartOfDay(LATEST).toInstant());
		}

	}

}
