package care.parcours.scheduling.chains;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import care.parcours.events.patient.PathwayMoveRequested;
import care.parcours.events.patient.PathwayMoveRequested.Link;
import care.parcours.events.scheduling.CascadeApplied;
import care.parcours.platform.domain.RuleViolationException;
import care.parcours.scheduling.availability.Mode;
import care.parcours.scheduling.availability.TimeRange;
import care.parcours.scheduling.booking.Booking;
import care.parcours.scheduling.booking.CancelReason;
import care.parcours.scheduling.booking.PathwayStep;
import care.parcours.scheduling.booking.SlotClaim;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a pathway's move request reads as before anything is locked, what the appointments
 * found say of it, and how the pathway's chain takes the move's links.
 */
class PathwayMoveTests {

	private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

	private static final Instant SURGERY = Instant.parse("2026-12-09T08:00:00Z");

	private static final UUID PATHWAY = UUID.randomUUID();

	private static final UUID PATIENT = UUID.randomUUID();

	private static final UUID SURGERY_ID = new UUID(0, 1);

	private static final UUID CONSULT_ID = new UUID(0, 2);

	private static final UUID FOLLOW_UP_ID = new UUID(0, 3);

	@Test
	void linksReadAsTheChainsRules() {
		PathwayMove.Outcome read = PathwayMove.read(request(new Link(SURGERY_ID, CONSULT_ID, "-P1D", "PT12H"),
				new Link(SURGERY_ID, FOLLOW_UP_ID, "P7D", "P1D")));

		assertThat(read).isInstanceOfSatisfying(PathwayMove.Move.class, move -> {
			assertThat(move.rules()).containsExactly(
					new ChainRule(SURGERY_ID, CONSULT_ID, Duration.ofDays(-1), Duration.ofHours(12)),
					new ChainRule(SURGERY_ID, FOLLOW_UP_ID, Duration.ofDays(7), Duration.ofDays(1)));
			assertThat(move.appointments()).containsExactly(SURGERY_ID, CONSULT_ID, FOLLOW_UP_ID);
		});
	}

	@Test
	void anAppointmentAloneMovesAloneWithoutLinks() {
		assertThat(PathwayMove.read(request())).isInstanceOfSatisfying(PathwayMove.Move.class,
				move -> assertThat(move.appointments()).containsExactly(SURGERY_ID));
	}

	static Stream<Arguments> badLinks() {
		return Stream.of(Arguments.of(new Link(SURGERY_ID, CONSULT_ID, "one day before", "PT12H")),
				Arguments.of(new Link(SURGERY_ID, CONSULT_ID, "-P1D", "PT0.5S")),
				Arguments.of(new Link(SURGERY_ID, CONSULT_ID, "-P1D", "-PT12H")),
				Arguments.of(new Link(CONSULT_ID, CONSULT_ID, "P1D", "PT12H")),
				Arguments.of(new Link(CONSULT_ID, SURGERY_ID, "P1D", "PT1H")));
	}

	@ParameterizedTest
	@MethodSource("badLinks")
	void aLinkThatCannotBeAChainRuleIsRefusedNamingTheAppointmentItPlaces(Link bad) {
		PathwayMove.Outcome read = PathwayMove.read(request(new Link(SURGERY_ID, CONSULT_ID, "-P1D", "PT12H"), bad));

		assertThat(read).isEqualTo(new PathwayMove.Refusal(bad.to(), PathwayMove.Reason.INVALID_LINKS));
	}

	@Test
	void linksThatDoNotReachEveryAppointmentFromTheRootAreRefusedNamingTheFirstUnreached() {
		assertThat(PathwayMove.read(request(new Link(SURGERY_ID, CONSULT_ID, "-P1D", "PT12H"),
				new Link(FOLLOW_UP_ID, UUID.randomUUID(), "P1D", "PT1H"))))
			.isEqualTo(new PathwayMove.Refusal(FOLLOW_UP_ID, PathwayMove.Reason.INVALID_LINKS));
		assertThat(PathwayMove.read(request(new Link(CONSULT_ID, FOLLOW_UP_ID, "P8D", "PT12H"))))
			.isEqualTo(new PathwayMove.Refusal(CONSULT_ID, PathwayMove.Reason.INVALID_LINKS));
	}

	@Test
	void moreLinksThanAChainHasAreRefused() {
		List<Link> links = new ArrayList<>();
		for (int i = 0; i <= PathwayMove.MAX_LINKS; i++) {
			links.add(new Link(SURGERY_ID, UUID.randomUUID(), "P1D", "PT1H"));
		}

		assertThat(PathwayMove.read(request(links.toArray(Link[]::new))))
			.isEqualTo(new PathwayMove.Refusal(null, PathwayMove.Reason.INVALID_LINKS));
	}

	@Test
	void theFirstAppointmentThatCannotTakePartIsNamedWithWhy() {
		PathwayMove.Move move = (PathwayMove.Move) PathwayMove.read(request(
				new Link(SURGERY_ID, CONSULT_ID, "-P1D", "PT12H"), new Link(SURGERY_ID, FOLLOW_UP_ID, "P7D", "P1D")));
		Map<UUID, Booking> found = new LinkedHashMap<>();
		found.put(SURGERY_ID, booked(SURGERY_ID, SURGERY, PATIENT, PATHWAY));
		found.put(CONSULT_ID, booked(CONSULT_ID, SURGERY.minus(Duration.ofDays(1)), PATIENT, null));

		assertThat(move.refusalGiven(found))
			.contains(new PathwayMove.Refusal(FOLLOW_UP_ID, PathwayMove.Reason.NOT_FOUND));
		found.put(FOLLOW_UP_ID,
				booked(FOLLOW_UP_ID, SURGERY.plus(Duration.ofDays(7)), PATIENT, PATHWAY).cancel(CancelReason.OTHER, NOW)
					.booking());
		assertThat(move.refusalGiven(found))
			.contains(new PathwayMove.Refusal(FOLLOW_UP_ID, PathwayMove.Reason.NOT_BOOKED));
		found.put(CONSULT_ID, booked(CONSULT_ID, SURGERY.minus(Duration.ofDays(1)), UUID.randomUUID(), null));
		assertThat(move.refusalGiven(found))
			.contains(new PathwayMove.Refusal(CONSULT_ID, PathwayMove.Reason.OTHER_PATIENT));
		found.put(CONSULT_ID, booked(CONSULT_ID, SURGERY.minus(Duration.ofDays(1)), PATIENT, UUID.randomUUID()));
		assertThat(move.refusalGiven(found))
			.contains(new PathwayMove.Refusal(CONSULT_ID, PathwayMove.Reason.INVALID_LINKS));
		found.put(CONSULT_ID, booked(CONSULT_ID, SURGERY.minus(Duration.ofDays(1)), PATIENT, null));
		found.put(FOLLOW_UP_ID, booked(FOLLOW_UP_ID, SURGERY.plus(Duration.ofDays(7)), PATIENT, PATHWAY));
		assertThat(move.refusalGiven(found)).isEmpty();
	}

	@Test
	void appointmentsThatMoveWithAnotherChainThanThePathwaysAreNamed() {
		PathwayMove.Move move = (PathwayMove.Move) PathwayMove
			.read(request(new Link(SURGERY_ID, CONSULT_ID, "-P1D", "PT12H")));
		Booking surgery = booked(SURGERY_ID, SURGERY, PATIENT, PATHWAY);
		Booking consult = booked(CONSULT_ID, SURGERY.minus(Duration.ofDays(1)), PATIENT, PATHWAY);
		AppointmentChain.Linked byHand = AppointmentChain.link(UUID.randomUUID(), null, List.of(),
				Map.of(CONSULT_ID, consult), NOW);
		AppointmentChain.Linked pathways = AppointmentChain.link(UUID.randomUUID(), PATHWAY, List.of(),
				Map.of(SURGERY_ID, surgery), NOW);
		Map<UUID, Booking> found = new LinkedHashMap<>();
		found.put(SURGERY_ID, surgery);
		found.put(CONSULT_ID, byHand.appointments().getFirst().booking());

		assertThat(move.refusalGiven(found, byHand.chain()))
			.contains(new PathwayMove.Refusal(CONSULT_ID, PathwayMove.Reason.INVALID_LINKS));
		found.put(SURGERY_ID, pathways.appointments().getFirst().booking());
		assertThat(move.refusalGiven(found, pathways.chain()))
			.contains(new PathwayMove.Refusal(CONSULT_ID, PathwayMove.Reason.INVALID_LINKS));
		found.put(CONSULT_ID, consult);
		assertThat(move.refusalGiven(found, pathways.chain())).isEmpty();
		assertThat(move.refusalGiven(Map.of(SURGERY_ID, surgery, CONSULT_ID, consult), null)).isEmpty();
	}

	@Test
	void relinkingAPathwaysChainTakesTheNewAppointmentsInAndLetsTheDroppedOnesGo() {
		Booking surgery = booked(SURGERY_ID, SURGERY, PATIENT, PATHWAY);
		Booking consult = booked(CONSULT_ID, SURGERY.minus(Duration.ofDays(1)), PATIENT, PATHWAY);
		Booking followUp = booked(FOLLOW_UP_ID, SURGERY.plus(Duration.ofDays(7)), PATIENT, PATHWAY);
		ChainRule before = new ChainRule(SURGERY_ID, CONSULT_ID, Duration.ofDays(-1), Duration.ofHours(12));
		AppointmentChain.Linked linked = AppointmentChain.link(UUID.randomUUID(), PATHWAY, List.of(before),
				Map.of(SURGERY_ID, surgery, CONSULT_ID, consult), NOW);
		AppointmentChain chain = linked.chain();
		List<Booking> members = linked.appointments().stream().map(Booking.Change::booking).toList();
		ChainRule after = new ChainRule(SURGERY_ID, FOLLOW_UP_ID, Duration.ofDays(7), Duration.ofDays(1));

		Map<UUID, Booking> chained = members.stream().collect(Collectors.toMap(Booking::id, member -> member));

		AppointmentChain.Linked relinked = chain.relink(List.of(after),
				Map.of(SURGERY_ID, chained.get(SURGERY_ID), FOLLOW_UP_ID, followUp), members);

		assertThat(relinked.chain().version()).isEqualTo(chain.version() + 1);
		assertThat(relinked.chain().appointments()).containsExactly(SURGERY_ID, FOLLOW_UP_ID);
		assertThat(relinked.appointments()).extracting(change -> change.booking().id())
			.containsExactlyInAnyOrder(FOLLOW_UP_ID, CONSULT_ID);
		assertThat(relinked.appointments()).extracting(change -> change.booking().chainId())
			.containsExactlyInAnyOrder(chain.id(), null);
		assertThat(chain.hasRules(List.of(before))).isTrue();
		assertThat(chain.hasRules(List.of(after))).isFalse();
		assertThatThrownBy(() -> chain.relink(
				List.of(new ChainRule(SURGERY_ID, FOLLOW_UP_ID, Duration.ofDays(9), Duration.ofHours(1))),
				Map.of(SURGERY_ID, surgery, FOLLOW_UP_ID, followUp), members))
			.isInstanceOf(RuleViolationException.class)
			.hasMessageContaining(FOLLOW_UP_ID.toString());
	}

	@Test
	void aCascadeIsTheChainsChangeAndAnswersTheMove() {
		AppointmentChain chain = new AppointmentChain(UUID.randomUUID(), PATIENT, PATHWAY, List.of(), NOW, 4);
		UUID cascade = UUID.randomUUID();
		UUID move = UUID.randomUUID();

		AppointmentChain.Change cascaded = chain.cascaded(cascade, move, List.of(SURGERY_ID));

		assertThat(cascaded.chain().version()).isEqualTo(5);
		assertThat(cascaded.event()).isEqualTo(new CascadeApplied(cascade, chain.id(), move, List.of(SURGERY_ID)));
	}

	private static PathwayMoveRequested request(Link... links) {
		return new PathwayMoveRequested(PATHWAY, UUID.randomUUID(), PATIENT, SURGERY_ID,
				SURGERY.plus(Duration.ofDays(2)), List.of(links));
	}

	private static Booking booked(UUID id, Instant start, UUID patient, UUID pathway) {
		SlotClaim claim = new SlotClaim(UUID.randomUUID(), UUID.randomUUID(), patient,
				TimeRange.of(start, Duration.ofMinutes(30)), Mode.IN_PERSON, "consultation");
		return Booking.book(id, claim, pathway == null ? null : new PathwayStep(pathway, UUID.randomUUID()), NOW, null)
			.booking();
	}

}
