package care.parcours.partner.specialties;

/**
 * A specialty of the controlled vocabulary.
 *
 * @param code the stable code partners and events use, such as {@code orthopaedics}
 * @param nameEn the English name
 * @param nameFr the French name
 * @param nameNl the Dutch name
 */
public record Specialty(String code, String nameEn, String nameFr, String nameNl) {

}
