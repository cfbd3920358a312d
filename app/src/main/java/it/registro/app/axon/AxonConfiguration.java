package it.registro.app.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import java.util.List;

import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import it.registro.app.store.StoreDatabase;
import it.registro.app.store.StoreProperties;
import it.registro.app.store.engine.SequencedEventStorageEngine;
import it.registro.domain.act.Act;
import it.registro.domain.body.Body;
import it.registro.domain.comune.Comune;
import it.registro.domain.person.Person;
import it.registro.domain.session.Session;

/**
 * Axon on MongoDB, wired by hand (axon-mongo has no Boot starter after 4.10): the event store and
 * the token store live in the same database as the read models. Stored data is JSON through
 * Jackson 2 (never XStream, which breaks on Java 17 records and tokens).
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /** Events read per round trip; Axon's default of 100 makes replays crawl on MongoDB. */
    static final int ENGINE_BATCH_SIZE = 1000;

    /**
     * A handler that fails must stop its processor (which then retries with back-off and says so in
     * the log and the health), never skip the event: Axon's default logs and moves on, which would
     * leave a read model silently short of an event.
     */
    @Bean
    ConfigurerModule failLoudly() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }

    /** The processor that feeds every read model but the audit trail (ADR 0013). */
    public static final String READ_MODELS = "read-models";

    /** The audit trail's processor: it writes a document for every event, so it runs beside the others (ADR 0013). */
    public static final String AUDIT_TRAIL = it.registro.projections.audit.AuditProjection.PROCESSING_GROUP;

    /** The processing groups that {@link #READ_MODELS} runs together. */
    public static final List<String> READ_MODEL_GROUPS = List.of(
            it.registro.projections.body.BodyProjection.PROCESSING_GROUP,
            it.registro.projections.person.PersonProjection.PROCESSING_GROUP,
            it.registro.projections.comune.ComuneProjection.PROCESSING_GROUP,
            it.registro.projections.territory.TerritoryProjection.PROCESSING_GROUP,
            it.registro.projections.session.SessionProjection.PROCESSING_GROUP,
            it.registro.projections.act.ActProjection.PROCESSING_GROUP,
            it.registro.projections.act.CitationProjection.PROCESSING_GROUP,
            it.registro.projections.act.ActLinksProjection.PROCESSING_GROUP,
            it.registro.projections.imports.ImportedRows.PROCESSING_GROUP,
            it.registro.projections.office.MandateProjection.PROCESSING_GROUP,
            it.registro.projections.poas.PoasProjection.PROCESSING_GROUP,
            it.registro.projections.proceeding.ProceedingProjection.PROCESSING_GROUP,
            it.registro.projections.albo.AlboProjection.PROCESSING_GROUP,
            it.registro.projections.document.DocumentIndex.PROCESSING_GROUP);

    /**
     * The read models are fed by two tracking processors rather than one each (ADR 0013): each processor
     * reads every event and writes its token for every batch, also of events it ignores, so nine of them
     * cost nine wake-ups and nine token writes per command on the cores the commands need. The audit
     * trail, which writes a document for every event, keeps a processor of its own, so that a rebuild
     * runs it beside the others on a second core. Each read model keeps its own group, so it can be
     * given a processor of its own again by configuration alone.
     */
    @Bean
    ConfigurerModule readModelProcessors() {
        return configurer -> READ_MODEL_GROUPS.forEach(group -> configurer.eventProcessing().assignProcessingGroup(group, READ_MODELS));
    }

    /**
     * The projections that write a document for every event (the audit trail, persons) hold their
     * writes until the end of the processor's batch and send them as one bulk write (see BatchedWrites):
     * their rebuild was one round trip per event.
     */
    @Bean
    ConfigurerModule batchedProjectionWrites() {
        return configurer -> List.of(AUDIT_TRAIL, READ_MODELS).forEach(processor -> configurer.eventProcessing()
                .registerHandlerInterceptor(processor, c -> it.registro.projections.common.BatchedWrites.flushOnLastMessage()));
    }

    /**
     * Who and how travel from the command into every event it causes: the principal, their roles, the
     * channel, the body and the act the command concerns (set on the command by CommandAuthorization), and for
     * an imported row its file, number and hash, beside Axon's correlation and trace ids.
     */
    @Bean
    org.axonframework.messaging.correlation.CorrelationDataProvider callerMetadata() {
        return new org.axonframework.messaging.correlation.SimpleCorrelationDataProvider(
                "principal", "roles", "channel", "body", "actRef", it.registro.domain.session.Session.LATE_ENTRY,
                "importFile", "importRow", "importRowHash");
    }

    /** The message that directly caused an event (its command), beside Axon's correlation and trace ids. */
    @Bean
    org.axonframework.messaging.correlation.CorrelationDataProvider causation() {
        return message -> java.util.Map.of("causationId", message.getIdentifier());
    }

    @Bean
    org.axonframework.messaging.correlation.CorrelationDataProvider messageOrigin() {
        return new org.axonframework.messaging.correlation.MessageOriginProvider();
    }

    /**
     * The aggregates live in the domain module, which knows nothing of Spring stereotypes. Each gets an
     * aggregate cache (a weak-reference one: a loaded aggregate is reused while it is in memory; with
     * several instances a stale copy is refused by the unique (aggregate, sequence) key, and Axon
     * evicts it on that rollback) and, when {@code registro.store.snapshot-threshold} is above 0, a
     * snapshot every that many events.
     */
    @Bean
    ConfigurerModule aggregates(StoreProperties store) {
        List<Class<?>> types = List.of(Body.class, Person.class, Comune.class, Session.class, Act.class,
                it.registro.domain.act.Citation.class, it.registro.domain.poas.Poas.class,
                it.registro.domain.poas.OrgUnit.class, it.registro.domain.proceeding.ProceedingType.class,
                it.registro.domain.proceeding.Proceeding.class, it.registro.domain.territory.Ambito.class,
                it.registro.domain.territory.District.class, it.registro.domain.office.OrganKind.class,
                it.registro.domain.office.Mandate.class);
        return configurer -> types.forEach(type -> configurer.configureAggregate(aggregate(type, store)));
    }

    private static <A> AggregateConfigurer<A> aggregate(Class<A> type, StoreProperties store) {
        AggregateConfigurer<A> aggregate = AggregateConfigurer.defaultConfiguration(type);
        if (store.aggregateCache()) {
            aggregate.configureCache(c -> new WeakReferenceCache());
        }
        if (store.snapshotThreshold() > 0) {
            // Its own snapshotter: Axon's Spring one knows only aggregates declared as Spring beans.
            aggregate.configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(
                    AggregateSnapshotter.builder()
                            .eventStore(c.eventStore())
                            .aggregateFactories(new GenericAggregateFactory<>(type))
                            .parameterResolverFactory(c.parameterResolverFactory())
                            .handlerDefinition(c.handlerDefinition(type))
                            .build(),
                    store.snapshotThreshold()));
        }
        return aggregate;
    }

    @Bean
    ObjectMapper axonObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    }

    @Bean
    @Primary
    Serializer serializer(ObjectMapper axonObjectMapper) {
        return JacksonSerializer.builder().objectMapper(axonObjectMapper).build();
    }

    /**
     * Snapshots hold an aggregate's private state, which has no getters: they are written field by field.
     * Kept apart from the event serializer, whose JSON is the stored record of what happened.
     */
    @Bean
    @Qualifier("snapshotSerializer")
    Serializer snapshotSerializer() {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
        mapper.setVisibility(mapper.getSerializationConfig().getDefaultVisibilityChecker()
                .withFieldVisibility(com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY)
                .withGetterVisibility(com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE)
                .withIsGetterVisibility(com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE)
                .withSetterVisibility(com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE));
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(ObjectMapper axonObjectMapper) {
        return JacksonSerializer.builder().objectMapper(axonObjectMapper).build();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(ObjectMapper axonObjectMapper) {
        return JacksonSerializer.builder().objectMapper(axonObjectMapper).build();
    }

    @Bean
    MongoTemplate axonMongoTemplate(MongoClient client, StoreDatabase database) {
        return DefaultMongoTemplate.builder().mongoDatabase(client, database.name()).build();
    }

    /**
     * The engine named by {@code registro.store.engine}: SEQUENCED (the default, ADR 0011) numbers
     * events with a global sequence and tracks without clocks; AXON_MONGO is the extension's engine,
     * kept selectable so the two can be measured side by side.
     */
    @Bean
    EventStorageEngine eventStorageEngine(MongoTemplate axonMongoTemplate,
                                          MongoClient client,
                                          StoreDatabase database,
                                          StoreProperties store,
                                          @Qualifier("snapshotSerializer") Serializer snapshotSerializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          Configuration configuration) {
        if (store.engine() == StoreProperties.Engine.SEQUENCED) {
            SequencedEventStorageEngine engine = SequencedEventStorageEngine.builder()
                    .database(client.getDatabase(database.name()))
                    .collections(database.eventsCollection(), SequencedEventStorageEngine.DEFAULT_COUNTERS,
                            SequencedEventStorageEngine.DEFAULT_SNAPSHOTS)
                    .snapshotSerializer(snapshotSerializer)
                    .eventSerializer(eventSerializer)
                    .upcasterChain(configuration.upcasterChain())
                    .batchSize(ENGINE_BATCH_SIZE)
                    .build();
            engine.ensureIndexes();
            return engine;
        }
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                .mongoTemplate(axonMongoTemplate)
                .snapshotSerializer(snapshotSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .batchSize(ENGINE_BATCH_SIZE)
                .build();
        // The unique (aggregate id, sequence number) index is what rejects a concurrent or duplicate append.
        engine.ensureIndexes();
        return engine;
    }

    @Bean
    TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoTokenStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .build();
    }
}
