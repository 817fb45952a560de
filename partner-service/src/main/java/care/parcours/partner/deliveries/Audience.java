package care.parcours.partner.deliveries;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import care.parcours.events.DomainEvent;
import org.jspecify.annotations.Nullable;

/**
 * Whom an event record concerns and what of it they may not see, read once from the
 * record's components: its {@code UUID partnerId} and {@code List<UUID> partnerIds} name
 * the partners; so do the {@code partnerId}s of the records in its {@code resources} list
 * (the rooms and interpreters an appointment takes), and each partner sees only its own
 * of those; its {@code UUID patientId} is withheld, as there is no consent model yet to
 * say what a partner may see of a patient.
 *
 * @param partners the components that name partners
 * @param resources the {@code resources} component, if the type has one, and the
 * {@code partnerId} component of its elements
 * @param withheld the names of the components no partner receives
 */
record Audience(List<RecordComponent> partners, @Nullable Owned resources, Set<String> withheld) {

	private static final String RESOURCES = "resources";

	/**
	 * A list of records each owned by a partner.
	 *
	 * @param list the component holding the list
	 * @param owner the {@code partnerId} component of its elements
	 */
	record Owned(RecordComponent list, RecordComponent owner) {

	}

	private static final ClassValue<Audience> OF_TYPE = new ClassValue<>() {
		@Override
		protected Audience computeValue(Class<?> type) {
			return read(type);
		}
	};

	/**
	 * The audience of an event type.
	 * @throws IllegalArgumentException when the type names no partner: no endpoint could
	 * ever receive it
	 */
	static Audience of(Class<? extends DomainEvent> type) {
		return OF_TYPE.get(type);
	}

	/** The partners the event concerns, in the order its components name them. */
	Set<UUID> partnersOf(DomainEvent event) {
		Set<UUID> concerned = new LinkedHashSet<>();
		for (RecordComponent component : partners) {
			switch (valueOf(component, event)) {
				case UUID partner -> concerned.add(partner);
				case Collection<?> many -> many.forEach(partner -> concerned.add((UUID) partner));
				case null, default -> {
				}
			}
		}
		if (resources != null && valueOf(resources.list(), event) instanceof Collection<?> owned) {
			for (Object resource : owned) {
				if (valueOf(resources.owner(), resource) instanceof UUID partner) {
					concerned.add(partner);
				}
			}
		}
		return concerned;
	}

	/**
	 * Whether the partners of an event see different things of it: each only its own
	 * resources.
	 */
	boolean seenDifferently(DomainEvent event) {
		return resources != null && valueOf(resources.list(), event) != null;
	}

	private static Audience read(Class<?> type) {
		RecordComponent[] components = type.getRecordComponents();
		if (components == null) {
			throw new IllegalArgumentException(type.getName() + " is not a record");
		}
		List<RecordComponent> partners = Arrays.stream(components)
			.filter(c -> (c.getName().equals("partnerId") && c.getType() == UUID.class)
					|| (c.getName().equals("partnerIds") && isListOfUuids(c.getGenericType())))
			.toList();
		if (partners.isEmpty()) {
			throw new IllegalArgumentException(type.getName() + " names no partner (partnerId or partnerIds)");
		}
		Owned resources = Arrays.stream(components)
			.filter(c -> c.getName().equals(RESOURCES))
			.map(Audience::owned)
			.flatMap(Optional::stream)
			.findFirst()
			.orElse(null);
		Set<String> withheld = Arrays.stream(components)
			.filter(c -> c.getName().equals("patientId") && c.getType() == UUID.class)
			.map(RecordComponent::getName)
			.collect(Collectors.toUnmodifiableSet());
		return new Audience(partners, resources, withheld);
	}

	/**
	 * A {@code List} of records that have a {@code UUID partnerId}, and that component.
	 */
	private static Optional<Owned> owned(RecordComponent component) {
		if (component.getGenericType() instanceof ParameterizedType list && list.getRawType() == List.class
				&& list.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
			return Arrays.stream(element.getRecordComponents())
				.filter(c -> c.getName().equals("partnerId") && c.getType() == UUID.class)
				.findFirst()
				.map(owner -> new Owned(component, owner));
		}
		return Optional.empty();
	}

	private static boolean isListOfUuids(Type type) {
		return type instanceof ParameterizedType list && list.getRawType() == List.class
				&& list.getActualTypeArguments()[0] == UUID.class;
	}

	private static @Nullable Object valueOf(RecordComponent component, Object record) {
		try {
			return component.getAccessor().invoke(record);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("Cannot read " + component + " of " + record.getClass().getName(), ex);
		}
	}

}
