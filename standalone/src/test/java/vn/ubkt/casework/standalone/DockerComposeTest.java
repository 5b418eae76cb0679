package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads docker-compose.yml, the two Dockerfiles and the proxy's nginx.conf as files (no Docker needed) and checks
 * that they fit together: service names, ports, database settings, jars and routes.
 */
@DisplayName("docker-compose.yml runs the product behind one proxy")
class DockerComposeTest {

    private static final List<String> APP_SERVICES = List.of("command-side", "query-side");

    private static Path root;
    private static Map<String, Object> compose;

    @BeforeAll
    static void readComposeFile() throws IOException {
        // surefire runs in the standalone module's directory; the compose file sits at the repository root
        root = Path.of("").toAbsolutePath().getParent();
        Path file = root.resolve("docker-compose.yml");
        assertThat(file).as("compose file at the repository root").isRegularFile();
        Object loaded = new Yaml().load(Files.readString(file));
        assertThat(loaded).as("docker-compose.yml is a YAML mapping").isInstanceOf(Map.class);
        compose = map(loaded, "docker-compose.yml");
    }

    @Test
    @DisplayName("it has the database, both sides and the proxy as services, and no obsolete version key")
    void fourServices() {
        assertThat(compose).doesNotContainKey("version");
        assertThat(services()).containsKeys("postgres", "command-side", "query-side", "proxy");
    }

    @Test
    @DisplayName("the database is PostgreSQL 17 on a named volume, and says when it is ready")
    void database() {
        Map<String, Object> postgres = service("postgres");
        assertThat(string(postgres.get("image"))).startsWith("postgres:17");
        assertThat(environment(postgres)).containsKeys("POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD");

        List<String> mounts = volumeMounts(postgres).stream()
                .filter(m -> m.target().equals("/var/lib/postgresql/data"))
                .map(Mount::source).toList();
        assertThat(mounts).as("a volume for the data directory").hasSize(1);
        assertThat(map(compose.get("volumes"), "top-level volumes")).as("a named volume, not a host directory")
                .containsKey(mounts.get(0));

        assertThat(string(map(postgres.get("healthcheck"), "postgres healthcheck").get("test")))
                .contains("pg_isready");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"command-side", "query-side"})
    @DisplayName("each side reaches the database service by name, with its credentials, once it is healthy")
    void sideUsesTheDatabase(String side) {
        Map<String, String> env = environment(service(side));
        Map<String, String> database = environment(service("postgres"));

        assertThat(env).containsKey("SPRING_DATASOURCE_URL");
        String jdbcUrl = env.get("SPRING_DATASOURCE_URL");
        assertThat(jdbcUrl).startsWith("jdbc:postgresql://");
        URI url = URI.create(jdbcUrl.substring("jdbc:".length()));
        assertThat(url.getHost()).as("database host in " + jdbcUrl).isEqualTo("postgres");
        assertThat(url.getPort()).as("database port in " + jdbcUrl).isIn(-1, 5432);
        assertThat(url.getPath()).as("database name in " + jdbcUrl).isEqualTo("/" + database.get("POSTGRES_DB"));
        assertThat(env.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(database.get("POSTGRES_USER"));
        assertThat(env.get("SPRING_DATASOURCE_PASSWORD")).isEqualTo(database.get("POSTGRES_PASSWORD"));

        assertThat(dependsOn(service(side))).containsEntry("postgres", "service_healthy");
    }

    @Test
    @DisplayName("both sides get the same master key from the deployment's environment, required, never written in the file")
    void masterKey() {
        String command = environment(service("command-side")).get("CASEWORK_MASTER_KEY");
        String query = environment(service("query-side")).get("CASEWORK_MASTER_KEY");
        assertThat(command).as("the command side seals identities").isNotNull();
        assertThat(query).as("the query side opens them for an approved reveal").isEqualTo(command);
        // ${VAR:?message}: compose refuses to start without it, as the sides would
        assertThat(command).matches("\\$\\{CASEWORK_MASTER_KEY:\\?[^}]+}");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"command-side", "query-side"})
    @DisplayName("each side listens on its own port, publishes none, and is healthy when /actuator/health answers")
    void sidePortAndHealth(String side) {
        Map<String, Object> service = service(side);
        String port = environment(service).get("PORT");
        assertThat(port).as(side + " PORT").matches("\\d+");
        assertThat(service).as("only the proxy is reachable from the host").doesNotContainKey("ports");

        String test = string(map(service.get("healthcheck"), side + " healthcheck").get("test"));
        assertThat(test).contains("/actuator/health").contains(port)
                .as("eclipse-temurin:17-jre has no curl").doesNotContain("curl");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"command-side", "query-side"})
    @DisplayName("each side is built from its module's Dockerfile, which runs the module's executable jar")
    void sideImage(String side) throws Exception {
        Object build = service(side).get("build");
        assertThat(build).as(side + " is built, not pulled").isNotNull();
        String context = build instanceof Map<?, ?> m ? string(m.get("context")) : string(build);
        String dockerfileName = build instanceof Map<?, ?> m && m.get("dockerfile") != null
                ? string(m.get("dockerfile")) : "Dockerfile";
        Path module = root.resolve(context).normalize();
        assertThat(module).as("build context of " + side).isDirectory();
        assertThat(module.resolve("pom.xml")).as("the build context is a Maven module").isRegularFile();
        Path dockerfile = module.resolve(dockerfileName);
        assertThat(dockerfile).isRegularFile();
        List<String> lines = instructions(Files.readString(dockerfile));

        assertThat(lines).first().asString().as("base image").isEqualTo("FROM eclipse-temurin:17-jre");

        String jar = executableJarName(module.resolve("pom.xml"));
        assertThat(jar).as("the jar of module " + context).startsWith(side + "-").endsWith("-exec.jar");
        List<String[]> copies = lines.stream().filter(l -> l.startsWith("COPY ") || l.startsWith("ADD "))
                .map(l -> l.split("\\s+")).toList();
        Optional<String> jarInImage = copies.stream()
                .filter(words -> sources(words).stream().anyMatch(source -> glob(source).matcher("target/" + jar).matches()))
                .map(words -> words[words.length - 1])
                .findFirst();
        assertThat(jarInImage).as("a COPY of target/" + jar + " in " + dockerfile).isPresent();

        String start = lines.stream().filter(l -> l.startsWith("ENTRYPOINT") || l.startsWith("CMD"))
                .reduce((first, last) -> last).orElse("");
        assertThat(start).contains("java").contains("-jar").contains(jarInImage.get());

        Path ignore = module.resolve(".dockerignore");
        if (Files.isRegularFile(ignore)) {
            assertThat(ignoredByDocker(Files.readAllLines(ignore), "target/" + jar))
                    .as(".dockerignore keeps target/" + jar + " in the build context").isFalse();
        }
    }

    @Test
    @DisplayName("the proxy is the one published port, and mounts an nginx configuration that exists")
    void proxy() {
        Map<String, Object> proxy = service("proxy");
        assertThat(string(proxy.get("image"))).startsWith("nginx:");

        List<Object> ports = list(proxy.get("ports"), "proxy ports");
        assertThat(ports).as("published ports of the proxy").isNotEmpty();
        assertThat(ports.stream().map(DockerComposeTest::containerPort).toList())
                .as("nginx listens on 80 in its container").contains("80");
        assertThat(configText()).containsPattern("listen\\s+80[\\s;]");

        Mount config = nginxConfigMount();
        assertThat(root.resolve(config.source()).normalize()).isRegularFile();

        assertThat(dependsOn(proxy)).containsKeys("command-side", "query-side");
    }

    @Test
    @DisplayName("the proxy's upstreams are the two sides, by service name and PORT")
    void upstreams() {
        Map<String, String> upstreams = upstreamServers(configText());
        assertThat(upstreams.values()).contains("command-side:8081", "query-side:8082");
        for (String server : upstreams.values()) {
            String[] hostPort = server.split(":");
            assertThat(services()).as("upstream " + server + " is a compose service").containsKey(hostPort[0]);
            assertThat(environment(service(hostPort[0])).get("PORT")).as("PORT of " + hostPort[0])
                    .isEqualTo(hostPort[1]);
        }
    }

    @Test
    @DisplayName("two nodes of each side, the same image and settings, both behind the proxy")
    void twoNodesOfEachSide() {
        Map<String, List<String>> upstreams = upstreamNodes(configText());
        assertThat(upstreams.get("command")).containsExactly("command-side:8081", "command-side-2:8081");
        assertThat(upstreams.get("query")).containsExactly("query-side:8082", "query-side-2:8082");
        for (String side : List.of("command-side", "query-side")) {
            assertThat(service(side + "-2")).as(side + "-2 is " + side + " again").isEqualTo(service(side));
            assertThat(dependsOn(service("proxy"))).containsEntry(side + "-2", "service_healthy");
        }
        for (List<String> servers : upstreams.values()) {
            for (String server : servers) {
                String[] hostPort = server.split(":");
                assertThat(services()).as("upstream " + server + " is a compose service").containsKey(hostPort[0]);
                assertThat(environment(service(hostPort[0])).get("PORT")).isEqualTo(hostPort[1]);
            }
        }
    }

    @Test
    @DisplayName("the proxy sends reads to the query side, writes and the rulebook to the command side, and administration to the query side")
    void routes() {
        String config = configText();
        assertThat(config).containsPattern(
                "map\\s+\\$request_method\\s+\\$\\w+\\s*\\{[^}]*\\bGET\\s+query\\s*;[^}]*}");

        assertThat(route(config, "GET", "/api/committees")).isEqualTo("query-side:8082");
        assertThat(route(config, "GET", "/api/committees/TU-1")).isEqualTo("query-side:8082");
        assertThat(route(config, "HEAD", "/api/committees")).isEqualTo("query-side:8082");
        assertThat(route(config, "POST", "/api/committees")).isEqualTo("command-side:8081");
        assertThat(route(config, "PATCH", "/api/committees/TU-1")).isEqualTo("command-side:8081");
        assertThat(route(config, "PUT", "/api/committees/TU-1")).isEqualTo("command-side:8081");
        assertThat(route(config, "DELETE", "/api/committees/TU-1")).isEqualTo("command-side:8081");
        assertThat(route(config, "POST", "/api/admin/projections/committee-tree/rebuild")).isEqualTo("query-side:8082");
        assertThat(route(config, "GET", "/api/rulebook/versions")).as("the rulebook is held by the command side")
                .isEqualTo("command-side:8081");
        assertThat(route(config, "GET", "/api/suspensions")).isEqualTo("query-side:8082");
        assertThat(route(config, "POST", "/api/suspensions")).isEqualTo("command-side:8081");
        assertThat(route(config, "POST", "/api/integrity/verify")).as("verification reads the sealed log on the query side")
                .isEqualTo("query-side:8082");
        assertThat(route(config, "POST", "/api/reports/R-1/verify")).isEqualTo("query-side:8082");
        assertThat(config).as("archiving a report is done where reports are written")
                .containsPattern("location\\s+~\\s+\\^/api/committees/\\[\\^/]\\+/reports\\$\\s*\\{\\s*proxy_pass\\s+http://query;");
        assertThat(route(config, "GET", "/v3/api-docs")).isEqualTo("query-side:8082");
        assertThat(route(config, "GET", "/swagger-ui/index.html")).isEqualTo("query-side:8082");
        assertThat(route(config, "GET", "/actuator/health")).isEqualTo("query-side:8082");
        assertThat(route(config, "GET", "/")).isEqualTo("query-side:8082");
    }

    @Test
    @DisplayName("the proxy tells the sides who asked, and passes the correlation and idempotency keys")
    void forwardedHeaders() {
        String config = configText();
        for (String header : List.of("Host", "X-Forwarded-For", "X-Forwarded-Proto", "X-Correlation-Id",
                "Idempotency-Key")) {
            assertThat(config).as("proxy_set_header " + header)
                    .containsPattern("proxy_set_header\\s+" + Pattern.quote(header) + "\\s+\\S+;");
        }
    }

    // --- compose ------------------------------------------------------------------------------------------------

    private record Mount(String source, String target) {
    }

    private static Map<String, Object> services() {
        return map(compose.get("services"), "services");
    }

    private static Map<String, Object> service(String name) {
        assertThat(services()).containsKey(name);
        return map(services().get(name), "service " + name);
    }

    /** environment: as a mapping or as a list of KEY=VALUE. */
    private static Map<String, String> environment(Map<String, Object> service) {
        Object environment = service.get("environment");
        Map<String, String> env = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> env.put(string(key), value == null ? null : string(value)));
        } else if (environment instanceof List<?> entries) {
            for (Object entry : entries) {
                String[] keyValue = string(entry).split("=", 2);
                env.put(keyValue[0], keyValue.length > 1 ? keyValue[1] : null);
            }
        }
        return env;
    }

    /** depends_on: a list of names (condition service_started) or a mapping of name to {condition}. */
    private static Map<String, String> dependsOn(Map<String, Object> service) {
        Object dependsOn = service.get("depends_on");
        Map<String, String> conditions = new LinkedHashMap<>();
        if (dependsOn instanceof List<?> names) {
            names.forEach(name -> conditions.put(string(name), "service_started"));
        } else if (dependsOn instanceof Map<?, ?> entries) {
            entries.forEach((name, spec) -> {
                Object condition = spec instanceof Map<?, ?> m ? m.get("condition") : null;
                conditions.put(string(name), condition == null ? "service_started" : string(condition));
            });
        }
        return conditions;
    }

    /** volumes: short "source:target[:mode]" or long {source, target}. */
    private static List<Mount> volumeMounts(Map<String, Object> service) {
        List<Mount> mounts = new ArrayList<>();
        Object volumes = service.get("volumes");
        if (volumes == null) {
            return mounts;
        }
        for (Object volume : list(volumes, "volumes")) {
            if (volume instanceof Map<?, ?> m) {
                mounts.add(new Mount(string(m.get("source")), string(m.get("target"))));
            } else {
                String[] parts = string(volume).split(":");
                if (parts.length >= 2) {
                    mounts.add(new Mount(parts[0], parts[1]));
                }
            }
        }
        return mounts;
    }

    /** ports: short "[ip:]published:target[/proto]" or long {target, published}. */
    private static String containerPort(Object port) {
        if (port instanceof Map<?, ?> m) {
            return string(m.get("target"));
        }
        String[] parts = string(port).split("/")[0].split(":");
        return parts[parts.length - 1];
    }

    private static Mount nginxConfigMount() {
        List<Mount> configs = volumeMounts(service("proxy")).stream()
                .filter(m -> m.target().equals("/etc/nginx/nginx.conf")
                        || m.target().matches("/etc/nginx/conf\\.d/[^/]+\\.conf"))
                .toList();
        assertThat(configs).as("the proxy mounts its nginx configuration").hasSize(1);
        return configs.get(0);
    }

    /** The text of the nginx configuration the proxy mounts, without comments. */
    private static String configText() {
        Path file = root.resolve(nginxConfigMount().source()).normalize();
        assertThat(file).isRegularFile();
        try {
            return Files.readString(file).replaceAll("(?m)#.*$", "");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    // --- nginx --------------------------------------------------------------------------------------------------

    private static final Pattern UPSTREAM = Pattern.compile("upstream\\s+([\\w-]+)\\s*\\{([^}]*)}");
    private static final Pattern SERVER = Pattern.compile("(?m)^\\s*server\\s+([^\\s;]+)");
    private static final Pattern LOCATION = Pattern.compile("location\\s+(=\\s*)?(/\\S*)\\s*\\{([^}]*)}");
    private static final Pattern PROXY_PASS = Pattern.compile("proxy_pass\\s+http://([^\\s;/]+)[^;]*;");
    private static final Pattern MAP = Pattern.compile("map\\s+\\$request_method\\s+\\$(\\w+)\\s*\\{([^}]*)}");
    private static final Pattern MAP_ENTRY = Pattern.compile("(\\S+)\\s+(\\S+)\\s*;");

    /** upstream name to its (first) server. */
    /** Each upstream's first server: the one a route names. */
    private static Map<String, String> upstreamServers(String config) {
        Map<String, String> first = new LinkedHashMap<>();
        upstreamNodes(config).forEach((name, servers) -> first.put(name, servers.get(0)));
        return first;
    }

    private static Map<String, List<String>> upstreamNodes(String config) {
        Map<String, List<String>> upstreams = new LinkedHashMap<>();
        Matcher upstream = UPSTREAM.matcher(config);
        while (upstream.find()) {
            Matcher server = SERVER.matcher(upstream.group(2));
            List<String> servers = new ArrayList<>();
            while (server.find()) {
                servers.add(server.group(1));
            }
            assertThat(servers).as("a server in upstream " + upstream.group(1)).isNotEmpty();
            upstreams.put(upstream.group(1), servers);
        }
        return upstreams;
    }

    /**
     * Where nginx sends a request: the longest matching prefix location (or an exact one), its proxy_pass target,
     * through the map on $request_method when the target is a variable, to the upstream's server.
     */
    private static String route(String config, String method, String path) {
        String best = null;
        String bestBody = null;
        Matcher location = LOCATION.matcher(config);
        while (location.find()) {
            boolean exact = location.group(1) != null;
            String prefix = location.group(2);
            if (exact ? path.equals(prefix) : path.startsWith(prefix)) {
                if (exact || best == null || prefix.length() > best.length()) {
                    best = prefix;
                    bestBody = location.group(3);
                    if (exact) {
                        break;
                    }
                }
            }
        }
        assertThat(bestBody).as("a location for " + path).isNotNull();
        Matcher proxyPass = PROXY_PASS.matcher(bestBody);
        assertThat(proxyPass.find()).as("proxy_pass in location " + best).isTrue();
        String target = proxyPass.group(1);
        if (target.startsWith("$")) {
            target = mapped(config, target.substring(1), method);
        }
        Map<String, String> upstreams = upstreamServers(config);
        return upstreams.getOrDefault(target, target);
    }

    private static String mapped(String config, String variable, String method) {
        Matcher map = MAP.matcher(config);
        while (map.find()) {
            if (map.group(1).equals(variable)) {
                Map<String, String> entries = new LinkedHashMap<>();
                Matcher entry = MAP_ENTRY.matcher(map.group(2));
                while (entry.find()) {
                    entries.put(entry.group(1), entry.group(2));
                }
                String value = entries.getOrDefault(method, entries.get("default"));
                assertThat(value).as("$" + variable + " for " + method).isNotNull();
                return value;
            }
        }
        throw new AssertionError("no map $request_method $" + variable + " in the nginx configuration");
    }

    // --- Dockerfile ---------------------------------------------------------------------------------------------

    /** The Dockerfile's instructions, one a line: comments dropped, continuation lines joined. */
    private static List<String> instructions(String dockerfile) {
        String joined = dockerfile.replaceAll("(?m)^\\s*#.*\\R", "").replaceAll("\\\\\\R", " ");
        return joined.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** COPY/ADD words minus the instruction, its --flags and the destination. */
    private static List<String> sources(String[] words) {
        List<String> sources = new ArrayList<>();
        for (int i = 1; i < words.length - 1; i++) {
            if (!words[i].startsWith("--")) {
                sources.add(words[i].replaceFirst("^\\./", ""));
            }
        }
        return sources;
    }

    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append("[^/]*");
                case '?' -> regex.append("[^/]");
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    /** .dockerignore: the last pattern matching the path decides; "!" keeps it. */
    private static boolean ignoredByDocker(List<String> patterns, String path) {
        boolean ignored = false;
        for (String line : patterns) {
            String pattern = line.strip();
            if (pattern.isEmpty() || pattern.startsWith("#")) {
                continue;
            }
            boolean keep = pattern.startsWith("!");
            String glob = (keep ? pattern.substring(1) : pattern).replaceFirst("^/", "");
            // a pattern matching a parent directory covers everything below it
            String candidate = path;
            while (candidate != null) {
                if (glob(glob).matcher(candidate).matches()) {
                    ignored = !keep;
                    break;
                }
                int slash = candidate.lastIndexOf('/');
                candidate = slash < 0 ? null : candidate.substring(0, slash);
            }
        }
        return ignored;
    }

    /** artifactId-version-classifier.jar of the module, as spring-boot-maven-plugin's repackage names it. */
    private static String executableJarName(Path pom) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element project = factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
        String artifactId = child(project, "artifactId");
        String version = Optional.ofNullable(child(project, "version"))
                .orElseGet(() -> child(childElement(project, "parent"), "version"));
        var classifiers = project.getElementsByTagName("classifier");
        assertThat(classifiers.getLength()).as("a classifier for the executable jar in " + pom).isPositive();
        return artifactId + "-" + version + "-" + classifiers.item(0).getTextContent().strip() + ".jar";
    }

    private static Element childElement(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    private static String child(Element parent, String name) {
        Element element = childElement(parent, name);
        return element == null ? null : element.getTextContent().strip();
    }

    // --- YAML values --------------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        assertThat(value).as(what + " is a mapping").isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value, String what) {
        assertThat(value).as(what + " is a list").isInstanceOf(List.class);
        return (List<Object>) value;
    }

    /** A scalar as text; a list (e.g. a healthcheck's test) as its words joined by spaces. */
    private static String string(Object value) {
        if (value instanceof List<?> words) {
            return String.join(" ", words.stream().map(DockerComposeTest::string).toList());
        }
        return String.valueOf(value);
    }
}
