package dev.levy.policy;

import java.util.Map;
import java.util.Optional;

/** Names that reach outside the facts, by the category that allows them. */
final class Denied {
    /** Simple type names, mostly java.lang ones that need no import. */
    static final Map<String, Category> NAMES = Map.ofEntries(
            Map.entry("System", Category.SYSTEM), Map.entry("Clock", Category.SYSTEM),
            Map.entry("ProcessHandle", Category.PROCESS), Map.entry("Runtime", Category.PROCESS),
            Map.entry("ProcessBuilder", Category.PROCESS), Map.entry("Process", Category.PROCESS),
            Map.entry("Thread", Category.THREADS), Map.entry("ThreadGroup", Category.THREADS),
            Map.entry("ThreadLocal", Category.THREADS), Map.entry("Timer", Category.THREADS),
            Map.entry("Executors", Category.THREADS), Map.entry("ForkJoinPool", Category.THREADS),
            Map.entry("Class", Category.REFLECTION), Map.entry("Method", Category.REFLECTION),
            Map.entry("Field", Category.REFLECTION), Map.entry("Constructor", Category.REFLECTION),
            Map.entry("Proxy", Category.REFLECTION), Map.entry("MethodHandles", Category.REFLECTION),
            Map.entry("Unsafe", Category.REFLECTION), Map.entry("Module", Category.REFLECTION),
            Map.entry("ClassLoader", Category.CLASSLOADING), Map.entry("ServiceLoader", Category.CLASSLOADING),
            Map.entry("ModuleLayer", Category.CLASSLOADING),
            Map.entry("File", Category.IO), Map.entry("Files", Category.IO), Map.entry("Path", Category.IO),
            Map.entry("Paths", Category.IO), Map.entry("FileSystems", Category.IO),
            Map.entry("FileInputStream", Category.IO), Map.entry("FileOutputStream", Category.IO),
            Map.entry("FileReader", Category.IO), Map.entry("FileWriter", Category.IO),
            Map.entry("RandomAccessFile", Category.IO), Map.entry("PrintStream", Category.IO),
            Map.entry("Socket", Category.NETWORK), Map.entry("ServerSocket", Category.NETWORK),
            Map.entry("URL", Category.NETWORK), Map.entry("URI", Category.NETWORK),
            Map.entry("HttpClient", Category.NETWORK), Map.entry("InetAddress", Category.NETWORK),
            Map.entry("KieRuntime", Category.KIE_RUNTIME), Map.entry("KieSession", Category.KIE_RUNTIME),
            Map.entry("KieServices", Category.KIE_RUNTIME), Map.entry("KnowledgeHelper", Category.KIE_RUNTIME));

    /** Method and member names, whatever object they are called on. */
    private static final Map<String, Category> MEMBERS = Map.ofEntries(
            Map.entry("getClass", Category.REFLECTION), Map.entry("class", Category.REFLECTION),
            Map.entry("forName", Category.REFLECTION), Map.entry("newInstance", Category.REFLECTION),
            Map.entry("getMethod", Category.REFLECTION), Map.entry("getMethods", Category.REFLECTION),
            Map.entry("getDeclaredMethod", Category.REFLECTION), Map.entry("getDeclaredMethods", Category.REFLECTION),
            Map.entry("getField", Category.REFLECTION), Map.entry("getDeclaredField", Category.REFLECTION),
            Map.entry("getDeclaredConstructor", Category.REFLECTION), Map.entry("setAccessible", Category.REFLECTION),
            Map.entry("invoke", Category.REFLECTION),
            Map.entry("getClassLoader", Category.CLASSLOADING), Map.entry("loadClass", Category.CLASSLOADING),
            Map.entry("defineClass", Category.CLASSLOADING),
            Map.entry("getContextClassLoader", Category.CLASSLOADING),
            Map.entry("exec", Category.PROCESS), Map.entry("exit", Category.PROCESS), Map.entry("halt", Category.PROCESS),
            Map.entry("getRuntime", Category.PROCESS),
            Map.entry("getenv", Category.SYSTEM), Map.entry("getProperty", Category.SYSTEM),
            Map.entry("setProperty", Category.SYSTEM), Map.entry("currentTimeMillis", Category.SYSTEM),
            Map.entry("nanoTime", Category.SYSTEM), Map.entry("now", Category.SYSTEM),
            Map.entry("systemDefault", Category.SYSTEM),
            Map.entry("getKieRuntime", Category.KIE_RUNTIME), Map.entry("getKnowledgeRuntime", Category.KIE_RUNTIME),
            Map.entry("getWorkingMemory", Category.KIE_RUNTIME), Map.entry("getEntryPoint", Category.KIE_RUNTIME),
            Map.entry("getEntryPoints", Category.KIE_RUNTIME), Map.entry("getChannels", Category.KIE_RUNTIME),
            Map.entry("getKieBase", Category.KIE_RUNTIME), Map.entry("getSession", Category.KIE_RUNTIME),
            Map.entry("getKieSession", Category.KIE_RUNTIME));

    private Denied() {}

    static Optional<Category> simpleName(String name) {
        return Optional.ofNullable(NAMES.get(name));
    }

    static Optional<Category> member(String name) {
        return Optional.ofNullable(MEMBERS.get(name));
    }

    /** The category of a qualified type outside the allow-list: by its package, else by its simple name. */
    static Category category(String qualified) {
        String simple = qualified.substring(qualified.lastIndexOf('.') + 1);
        if (qualified.startsWith("java.io.") || qualified.startsWith("java.nio.")) {
            return Category.IO;
        } else if (qualified.startsWith("java.net.") || qualified.startsWith("javax.net.")) {
            return Category.NETWORK;
        } else if (qualified.startsWith("java.lang.reflect.") || qualified.startsWith("java.lang.invoke.")) {
            return Category.REFLECTION;
        } else if (qualified.startsWith("java.util.concurrent.")) {
            return Category.THREADS;
        } else if (qualified.startsWith("org.kie.") || qualified.startsWith("org.drools.")) {
            return Category.KIE_RUNTIME;
        }
        return simpleName(simple).orElse(Category.TYPES);
    }
}
