package care.parcours.patient.templates;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Two sample templates, flagged as samples, for the local platform (which sets
 * {@code parcours.patient.pathways.sample-templates=true}; off everywhere else): a
 * medical-tourism orthopaedic surgery (from the first request to the follow-up at D+30)
 * and a Belgian diabetes care trajectory between GP, specialists and the network. Created
 * once, by code: a restart, or a second instance, adds nothing.
 */
@Component
class SampleTemplates implements ApplicationRunner {

	static final String ORTHOPAEDIC = "sample-orthopaedic-surgery-abroad";

	static final String DIABETES = "sample-diabetes-care-trajectory-be";

	private static final Logger log = LoggerFactory.getLogger(SampleTemplates.class);

	private static final String PUBLISHER = "parcours-samples";

	private final TemplateCatalog catalog;

	private final PathwayTemplates templates;

	private final Settings settings;

	SampleTemplates(TemplateCatalog catalog, PathwayTemplates templates, Settings settings) {
		this.catalog = catalog;
		this.templates = templates;
		this.settings = settings;
	}

	/**
	 * Pathway settings.
	 *
	 * @param sampleTemplates whether to load the sample templates at start
	 */
	@ConfigurationProperties("parcours.patient.pathways")
	record Settings(boolean sampleTemplates) {

	}

	@Override
	public void run(ApplicationArguments args) {
		if (settings.sampleTemplates()) {
			load();
		}
	}

	void load() {
		create(ORTHOPAEDIC, names("Chirurgie orthopédique à l'étranger (exemple)",
				"Orthopaedic surgery abroad (sample)", "Orthopedische chirurgie in het buitenland (voorbeeld)"),
				orthopaedic());
		create(DIABETES, names("Trajet de soins diabète (exemple)", "Diabetes care trajectory (sample)",
				"Zorgtraject diabetes (voorbeeld)"), diabetes());
	}

	private void create(String code, LocalizedNames names, List<TemplateStep> steps) {
		if (templates.latestOfCode(code).isPresent()) {
			return;
		}
		try {
			catalog.create(code, true, names, steps, PUBLISHER);
			log.info("Sample pathway template {} loaded", code);
		}
		catch (DataIntegrityViolationException ex) {
			// Another instance loaded it at the same moment.
		}
	}

	/** Hip or knee replacement for a patient from abroad: surgery is the anchor, D0. */
	static List<TemplateStep> orthopaedic() {
		return List.of(
				step("teleconsultation", StepKind.TELECONSULTATION, "Téléconsultation avec le chirurgien",
						"Teleconsultation with the surgeon", "Teleconsultatie met de chirurg", "-P30D", "P7D",
						List.of(), OwnerRole.COORDINATOR, "orthopaedics", "teleconsultation"),
				step("medical-file", StepKind.DOCUMENT, "Dossier médical et imagerie", "Medical file and imaging",
						"Medisch dossier en beeldvorming", "-P28D", "P3D", List.of("teleconsultation"),
						OwnerRole.ASSISTANT, null, null),
				step("quote", StepKind.QUOTE, "Devis accepté", "Quote accepted", "Offerte aanvaard", "-P25D", "P5D",
						List.of("teleconsultation"), OwnerRole.BILLING, null, null),
				step("travel", StepKind.TRAVEL, "Voyage aller", "Outbound travel", "Heenreis", "-P2D", "P1D",
						List.of("quote"), OwnerRole.COORDINATOR, null, null),
				step("accommodation", StepKind.ACCOMMODATION, "Hébergement de l'accompagnant",
						"Accommodation for the companion", "Verblijf voor de begeleider", "-P2D", "P1D",
						List.of("travel"), OwnerRole.COORDINATOR, null, null),
				step("interpreter", StepKind.INTERPRETER, "Interprète", "Interpreter", "Tolk", "-P1D", "PT12H",
						List.of("travel"), OwnerRole.ASSISTANT, null, null),
				step("pre-op", StepKind.CONSULTATION, "Consultation pré-opératoire", "Pre-operative consultation",
						"Preoperatieve consultatie", "-P1D", "PT12H", List.of("travel", "medical-file"),
						OwnerRole.COORDINATOR, "orthopaedics", "pre-operative-consultation"),
				anchor("surgery", StepKind.SURGERY, "Intervention chirurgicale", "Surgery", "Ingreep", "PT12H",
						List.of("pre-op"), OwnerRole.PARTNER, "orthopaedics", "surgery"),
				step("hospital-stay", StepKind.HOSPITAL_STAY, "Hospitalisation", "Hospital stay", "Ziekenhuisopname",
						"P0D", "PT12H", List.of("surgery"), OwnerRole.PARTNER, null, null),
				step("follow-up-7", StepKind.FOLLOW_UP, "Suivi à J+7", "Follow-up at D+7", "Opvolging op D+7", "P7D",
						"P2D", List.of("surgery"), OwnerRole.PARTNER, "orthopaedics", "follow-up"),
				step("follow-up-30", StepKind.FOLLOW_UP, "Suivi à J+30 (téléconsultation)",
						"Follow-up at D+30 (teleconsultation)", "Opvolging op D+30 (teleconsultatie)", "P30D", "P5D",
						List.of("follow-up-7"), OwnerRole.COORDINATOR, "orthopaedics", "teleconsultation"));
	}

	/**
	 * A Belgian diabetes care trajectory (trajet de soins, zorgtraject): the GP's
	 * consultation that starts it is the anchor.
	 */
	static List<TemplateStep> diabetes() {
		return List.of(
				anchor("gp-consultation", StepKind.CONSULTATION, "Consultation du médecin généraliste",
						"General practitioner's consultation", "Consultatie bij de huisarts", "P3D", List.of(),
						OwnerRole.COORDINATOR, "general-practice", "consultation"),
				step("hba1c", StepKind.EXAMINATION, "Prise de sang (HbA1c)", "Blood test (HbA1c)",
						"Bloedafname (HbA1c)", "P7D", "P3D", List.of("gp-consultation"), OwnerRole.ASSISTANT,
						"clinical-biology", "blood-test"),
				step("eye-examination", StepKind.EXAMINATION, "Examen du fond d'œil", "Eye examination",
						"Oogfundusonderzoek", "P14D", "P7D", List.of("gp-consultation"), OwnerRole.ASSISTANT,
						"ophthalmology", "fundus-examination"),
				step("diabetes-education", StepKind.CONSULTATION, "Éducation au diabète", "Diabetes education",
						"Diabeteseducatie", "P21D", "P7D", List.of("gp-consultation"), OwnerRole.ASSISTANT,
						"diabetes-education", "education-session"),
				step("multidisciplinary-meeting", StepKind.MULTIDISCIPLINARY_MEETING, "Concertation pluridisciplinaire",
						"Multidisciplinary meeting", "Multidisciplinair overleg", "P30D", "P7D",
						List.of("hba1c", "eye-examination"), OwnerRole.COORDINATOR, null, null),
				step("care-plan", StepKind.DOCUMENT, "Contrat de trajet de soins signé",
						"Signed care trajectory contract", "Ondertekend zorgtrajectcontract", "P35D", "P7D",
						List.of("multidisciplinary-meeting"), OwnerRole.COORDINATOR, null, null),
				step("follow-up-3m", StepKind.FOLLOW_UP, "Suivi à 3 mois", "Follow-up at 3 months",
						"Opvolging na 3 maanden", "P90D", "P14D", List.of("multidisciplinary-meeting"),
						OwnerRole.COORDINATOR, "general-practice", "consultation"),
				step("follow-up-6m", StepKind.FOLLOW_UP, "Suivi à 6 mois", "Follow-up at 6 months",
						"Opvolging na 6 maanden", "P180D", "P14D", List.of("follow-up-3m"), OwnerRole.COORDINATOR,
						"general-practice", "consultation"));
	}

	private static LocalizedNames names(String fr, String en, String nl) {
		return new LocalizedNames(fr, en, nl);
	}

	private static TemplateStep step(String key, StepKind kind, String fr, String en, String nl, String offset,
			String tolerance, List<String> dependsOn, OwnerRole owner, @Nullable String specialty,
			@Nullable String appointmentType) {
		return new TemplateStep(key, kind, names(fr, en, nl), false, TimeOffset.parse("offset", offset),
				TimeOffset.parse("tolerance", tolerance), dependsOn, owner, specialty, appointmentType);
	}

	private static TemplateStep anchor(String key, StepKind kind, String fr, String en, String nl, String tolerance,
			List<String> dependsOn, OwnerRole owner, @Nullable String specialty, @Nullable String appointmentType) {
		return new TemplateStep(key, kind, names(fr, en, nl), true, TimeOffset.ZERO,
				TimeOffset.parse("tolerance", tolerance), dependsOn, owner, specialty, appointmentType);
	}

}
