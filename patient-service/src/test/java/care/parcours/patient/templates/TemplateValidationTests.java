package care.parcours.patient.templates;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import care.parcours.platform.domain.DomainException;
import care.parcours.platform.domain.InvalidRequestException;
import care.parcours.platform.domain.RuleViolationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static care.parcours.patient.templates.TemplateFixtures.anchor;
import static care.parcours.patient.templates.TemplateFixtures.hipReplacement;
import static care.parcours.patient.templates.TemplateFixtures.names;
import static care.parcours.patient.templates.TemplateFixtures.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateValidationTests {

	private static final Instant NOW = Instant.parse("2026-01-05T08:00:00Z");

	@Test
	void theArchitecturesHipReplacementIsATemplate() {
		PathwayTemplate template = create(hipReplacement());

		assertThat(template.version()).isOne();
		assertThat(template.anchor().key()).isEqualTo("surgery");
		assertThat(template.steps()).extracting(step -> step.offset().toString())
			.containsExactly("-P30D", "-P25D", "-P1D", "P0D", "P7D", "P30D");
	}

	@Test
	void aDependencyOnAStepTheTemplateLacksIsRefusedNamingBoth() {
		assertThatThrownBy(() -> create(List.of(anchor("surgery", StepKind.SURGERY, "pre-op"))))
			.isInstanceOf(RuleViolationException.class)
			.hasMessage("Step 'surgery' depends on 'pre-op', which the template lacks.")
			.extracting(ex -> ((DomainException) ex).problemType())
			.isEqualTo("template-unknown-dependency");
	}

	@Test
	void aDependencyCycleIsRefusedNamingTheWholeCycle() {
		List<TemplateStep> looping = List.of(step("quote", StepKind.QUOTE, "-P2D", "travel"),
				step("travel", StepKind.TRAVEL, "-P2D", "interpreter"),
				step("interpreter", StepKind.INTERPRETER, "-P2D", "quote"), anchor("surgery", StepKind.SURGERY));

		assertThatThrownBy(() -> create(looping)).isInstanceOf(RuleViolationException.class)
			.hasMessage("The steps' dependencies loop: quote → travel → interpreter → quote.")
			.satisfies(ex -> assertThat(((DomainException) ex).properties()).containsEntry("cycle",
					List.of("quote", "travel", "interpreter", "quote")));
	}

	@Test
	void aStepThatDependsOnItselfIsACycleOfOne() {
		assertThatThrownBy(() -> create(List.of(anchor("surgery", StepKind.SURGERY, "surgery"))))
			.hasMessage("The steps' dependencies loop: surgery → surgery.");
	}

	@Test
	void aStepDueBeforeAStepItDependsOnIsRefusedNamingBoth() {
		List<TemplateStep> contradicting = List.of(step("quote", StepKind.QUOTE, "-P10D"),
				step("teleconsultation", StepKind.TELECONSULTATION, "-P20D", "quote"),
				anchor("surgery", StepKind.SURGERY, "teleconsultation"));

		assertThatThrownBy(() -> create(contradicting)).isInstanceOf(RuleViolationException.class)
			.hasMessage(
					"Step 'teleconsultation' (-P20D) would be due before step 'quote' (-P10D), which it depends on.")
			.satisfies(ex -> assertThat(((DomainException) ex).properties()).containsEntry("step", "teleconsultation")
				.containsEntry("dependsOn", "quote"));
	}

	@Test
	void stepsDueTheSameDayAsTheirDependencyAreFine() {
		PathwayTemplate template = create(List.of(step("travel", StepKind.TRAVEL, "-P2D"),
				step("accommodation", StepKind.ACCOMMODATION, "-P2D", "travel"), anchor("surgery", StepKind.SURGERY)));

		assertThat(template.steps()).hasSize(3);
	}

	@Test
	void aTemplateHasExactlyOneAnchor() {
		assertThatThrownBy(() -> create(List.of(step("quote", StepKind.QUOTE, "-P2D"))))
			.hasMessage("A template has exactly one anchor step; this one has none.");
		assertThatThrownBy(
				() -> create(List.of(anchor("surgery", StepKind.SURGERY), anchor("stay", StepKind.HOSPITAL_STAY))))
			.hasMessage("A template has exactly one anchor step; this one has 2: surgery, stay.");
	}

	@Test
	void twoStepsWithOneKeyAreRefused() {
		assertThatThrownBy(() -> create(List.of(anchor("surgery", StepKind.SURGERY),
				step("follow-up", StepKind.FOLLOW_UP, "P7D"), step("follow-up", StepKind.FOLLOW_UP, "P30D"))))
			.hasMessage("Two steps have the key 'follow-up'; keys are unique within a template.");
	}

	@Test
	void aNameMissingInOneLanguageIsRefusedNamingTheLanguage() {
		assertThatThrownBy(() -> new LocalizedNames("Chirurgie", "Surgery", " "))
			.isInstanceOf(InvalidRequestException.class)
			.satisfies(ex -> assertThat(((DomainException) ex).properties().get("errors").toString())
				.contains("names.nl"));
	}

	@Test
	void theAnchorIsDueAtTheAnchorAndTolerancesAreNeverNegative() {
		assertThatThrownBy(() -> new TemplateStep("surgery", StepKind.SURGERY, names("surgery"), true,
				TimeOffset.parse("offset", "P1D"), TimeOffset.ZERO, List.of(), OwnerRole.PARTNER, null, null))
			.isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(() -> step("quote", StepKind.QUOTE, "-P1D", "-PT1H", List.of(), null))
			.isInstanceOf(InvalidRequestException.class);
	}

	@Test
	void offsetsReadBackAsACoordinatorWroteThem() {
		assertThat(TimeOffset.parse("offset", "P7D")).hasToString("P7D");
		assertThat(TimeOffset.parse("offset", "-P1D")).hasToString("-P1D");
		assertThat(TimeOffset.parse("offset", "PT36H")).hasToString("P1DT12H");
		assertThat(TimeOffset.parse("offset", "-PT90M")).hasToString("-PT1H30M");
		assertThat(TimeOffset.parse("offset", "PT12H")).hasToString("PT12H");
		assertThat(TimeOffset.parse("offset", "PT0S")).hasToString("P0D");
		assertThatThrownBy(() -> TimeOffset.parse("steps[2].offset", "P1M"))
			.isInstanceOf(InvalidRequestException.class);
	}

	@Test
	void aNewVersionKeepsTheTemplateAndLeavesTheOldVersionAsItWas() {
		PathwayTemplate first = create(hipReplacement());
		List<TemplateStep> fewer = hipReplacement().subList(0, 4);

		PathwayTemplate second = first.publish(names("hip v2"), fewer, "coordinator-2", NOW.plusSeconds(60));

		assertThat(second.id()).isEqualTo(first.id());
		assertThat(second.code()).isEqualTo(first.code());
		assertThat(second.version()).isEqualTo(2);
		assertThat(second.steps()).hasSize(4);
		assertThat(first.steps()).hasSize(6);
	}

	@Test
	void theSampleTemplatesAreValidTemplates() {
		assertThat(create(SampleTemplates.orthopaedic()).anchor().kind()).isEqualTo(StepKind.SURGERY);
		assertThat(create(SampleTemplates.diabetes()).anchor().kind()).isEqualTo(StepKind.CONSULTATION);
		assertThat(SampleTemplates.diabetes()).extracting(TemplateStep::kind)
			.contains(StepKind.EXAMINATION, StepKind.MULTIDISCIPLINARY_MEETING, StepKind.FOLLOW_UP);
	}

	/**
	 * Random templates whose steps depend only on earlier ones, due no sooner: always
	 * accepted; one dependency added from an early step to a later one it leads to:
	 * always a cycle, named from a step on it.
	 */
	@ParameterizedTest
	@ValueSource(longs = { 1, 7, 42, 1234, 98765, 31337, 2026, 555 })
	void acyclicTemplatesPassAndOneBackwardDependencyAlwaysMakesACycle(long seed) {
		Random random = new Random(seed);
		int size = 3 + random.nextInt(10);
		int[] days = new int[size];
		for (int i = 1; i < size; i++) {
			days[i] = days[i - 1] + random.nextInt(3);
		}
		int anchor = size / 2;
		List<TemplateStep> steps = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			List<String> dependsOn = new ArrayList<>();
			if (i > 0) {
				dependsOn.add("s" + (i - 1));
			}
			for (int j = 0; j < i - 1; j++) {
				if (random.nextInt(3) == 0) {
					dependsOn.add("s" + j);
				}
			}
			steps.add(new TemplateStep("s" + i, StepKind.values()[random.nextInt(StepKind.values().length)],
					names("s" + i), i == anchor, new TimeOffset(Duration.ofDays(days[i] - days[anchor])),
					TimeOffset.ZERO, dependsOn, OwnerRole.COORDINATOR, null, null));
		}
		assertThat(create(steps).steps()).hasSize(size);

		int from = random.nextInt(size - 1);
		TemplateStep early = steps.get(from);
		List<String> back = new ArrayList<>(early.dependsOn());
		back.add("s" + (size - 1));
		List<TemplateStep> looping = new ArrayList<>(steps);
		looping.set(from, new TemplateStep(early.key(), early.kind(), early.names(), early.anchor(), early.offset(),
				early.tolerance(), back, early.ownerRole(), null, null));
		assertThatThrownBy(() -> create(looping)).isInstanceOf(RuleViolationException.class)
			.extracting(ex -> ((DomainException) ex).problemType())
			.isEqualTo("template-dependency-cycle");
	}

	private static PathwayTemplate create(List<TemplateStep> steps) {
		return PathwayTemplate.create(UUID.randomUUID(), "hip-replacement", false, names("hip"), steps, "coordinator-1",
				NOW);
	}

}
