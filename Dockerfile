# Build with the Maven wrapper, run on a JRE. Used by compose.yaml.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY domain/pom.xml domain/pom.xml
COPY projections/pom.xml projections/pom.xml
COPY app/pom.xml app/pom.xml
RUN ./mvnw -B -q dependency:go-offline -DexcludeReactor=true || true
COPY domain domain
COPY projections projections
COPY app app
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 registro
USER registro
WORKDIR /app
COPY --from=build /src/app/target/registro-app.jar registro-app.jar
EXPOSE 8080
ENTRYPOINT ["java", "-Daxoniq.update-checker.disabled=true", "-jar", "/app/registro-app.jar"]
