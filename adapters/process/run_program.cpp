#include "adapters/process/run_program.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <thread>

namespace okod {

ProgramResult run_program(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                          const std::filesystem::path& log_file,
                          std::chrono::milliseconds time_limit) {
    ProgramResult result;
    if (argv.empty()) {
        result.error = "no program given";
        return result;
    }
    std::vector<char*> args, environment;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    for (const auto& e : env) environment.push_back(const_cast<char*>(e.c_str()));
    environment.push_back(nullptr);
    // The program is looked up on our PATH, not on the one it gets.
    std::string program = argv[0];
    if (program.find('/') == std::string::npos)
        if (auto found = find_program({program})) program = found->string();

    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    posix_spawn_file_actions_addopen(&files, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&files, STDOUT_FILENO, log_file.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&files, STDOUT_FILENO, STDERR_FILENO);
    posix_spawn_file_actions_addclosefrom_np(&files, 3);
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    posix_spawnattr_setflags(
        &attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
    posix_spawnattr_setpgroup(&attributes, 0);
    sigset_t none, defaults;
    sigemptyset(&none);
    posix_spawnattr_setsigmask(&attributes, &none);
    sigemptyset(&defaults);
    for (int signal : {SIGPIPE, SIGHUP, SIGINT, SIGTERM, SIGCHLD, SIGUSR1, SIGUSR2})
        sigaddset(&defaults, signal);
    posix_spawnattr_setsigdefault(&attributes, &defaults);

    pid_t pid = 0;
    const int rc =
        posix_spawn(&pid, program.c_str(), &files, &attributes, args.data(), environment.data());
    posix_spawn_file_actions_destroy(&files);
    posix_spawnattr_destroy(&attributes);
    if (rc != 0) {
        result.error = fmt::format("cannot run {}: {}", argv[0], std::strerror(rc));
        return result;
    }
    result.started = true;

    // Polled, not waited on with a signal: okod's own SIGCHLD handling stays untouched.
    // WNOWAIT leaves the ended program unreaped, so its process group id cannot have
    // been reused when we kill what it left behind; then it is reaped.
    const auto deadline = std::chrono::steady_clock::now() + time_limit;
    for (;;) {
        siginfo_t info{};
        const int w = waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT);
        if (w == 0 && info.si_pid == pid) break;
        if (w < 0 && errno != EINTR) {
            result.error = fmt::format("waiting for {}: {}", argv[0], std::strerror(errno));
            kill(-pid, SIGKILL);
            waitpid(pid, nullptr, 0);
            return result;
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            result.timed_out = true;
            result.error =
                fmt::format("{} did not finish within {} s", argv[0],
                            std::chrono::duration_cast<std::chrono::seconds>(time_limit).count());
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    kill(-pid, SIGKILL);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (result.timed_out) return result;
    if (WIFEXITED(status)) {
        result.exit_code = WEXITSTATUS(status);
        if (result.exit_code == 127)
            result.error = fmt::format("{}: not found", argv[0]);
        else if (result.exit_code != 0)
            result.error = fmt::format("{} exited with {}", argv[0], result.exit_code);
    } else if (WIFSIGNALED(status)) {
        result.error = fmt::format("{} was killed by signal {}", argv[0], WTERMSIG(status));
    }
    return result;
}

std::optional<std::filesystem::path> find_program(const std::vector<std::string>& names) {
    const char* path_env = std::getenv("PATH");
    const std::string path = path_env ? path_env : "/usr/local/bin:/usr/bin:/bin";
    for (const auto& name : names) {
        if (name.starts_with('/')) {
            if (access(name.c_str(), X_OK) == 0) return std::filesystem::path(name);
            continue;
        }
        std::size_t start = 0;
        while (start <= path.size()) {
            const std::size_t end = std::min(path.find(':', start), path.size());
            const std::string dir = path.substr(start, end - start);
            if (!dir.empty()) {
                const auto candidate = std::filesystem::path(dir) / name;
                if (access(candidate.c_str(), X_OK) == 0) return candidate;
            }
            start = end + 1;
        }
    }
    return std::nullopt;
}

}  // namespace okod
