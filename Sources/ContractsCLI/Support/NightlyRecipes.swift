/// The tested ways to run the nightly sync, shown by `contracts sync --help` and, word for word, in the README.
///
/// The paths are the conventional ones: the executable installed to `/usr/local/bin`, the ledger in
/// `/var/lib/contracts` (systemd's `StateDirectory=`), the secret in `/etc/contracts/autotask-secret`
/// (mode 0600, owned by the user that runs the sync).
enum NightlyRecipes {
    /// A crontab (`crontab -e` as the user that owns the ledger): cron's PATH is `/usr/bin:/bin`, so full paths.
    static let crontab = """
        CONTRACTS_LEDGER=/var/lib/contracts/ledger.sqlite
        30 2 * * * /usr/local/bin/contracts sync --trigger nightly --quiet --wait 600 --secret-file /etc/contracts/autotask-secret
        """

    /// `/etc/systemd/system/contracts-sync.service`: runs as the unprivileged `contracts` user.
    static let service = """
        [Unit]
        Description=Refresh the imported contracts from Autotask
        Wants=network-online.target
        After=network-online.target

        [Service]
        Type=oneshot
        User=contracts
        Group=contracts
        StateDirectory=contracts
        StateDirectoryMode=0700
        UMask=0077
        LoadCredential=autotask-secret:/etc/contracts/autotask-secret
        Environment=CONTRACTS_LEDGER=/var/lib/contracts/ledger.sqlite
        ExecStart=/usr/local/bin/contracts sync --trigger nightly --quiet --wait 600 --secret-file ${CREDENTIALS_DIRECTORY}/autotask-secret
        NoNewPrivileges=yes
        ProtectSystem=strict
        ProtectHome=yes
        PrivateTmp=yes
        PrivateDevices=yes
        PrivateUsers=yes
        PrivateMounts=yes
        ProtectKernelTunables=yes
        ProtectKernelModules=yes
        ProtectKernelLogs=yes
        ProtectControlGroups=yes
        ProtectClock=yes
        ProtectHostname=yes
        ProtectProc=invisible
        ProcSubset=pid
        RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6
        RestrictNamespaces=yes
        RestrictRealtime=yes
        RestrictSUIDSGID=yes
        LockPersonality=yes
        MemoryDenyWriteExecute=yes
        RemoveIPC=yes
        CapabilityBoundingSet=
        SystemCallArchitectures=native
        SystemCallFilter=@system-service
        SystemCallFilter=~@privileged
        """

    /// `/etc/systemd/system/contracts-sync.timer`: every night at 02:30, caught up after downtime.
    static let timer = """
        [Unit]
        Description=Sync the contracts ledger with Autotask every night

        [Timer]
        OnCalendar=*-*-* 02:30:00
        RandomizedDelaySec=15m
        Persistent=true

        [Install]
        WantedBy=timers.target
        """

    /// The help text that presents them.
    static let help = """
        NIGHTLY JOB
        With cron (crontab -e as the user that owns the ledger; cron's PATH is /usr/bin:/bin, so give full paths):

        \(crontab)

        With systemd, as the unprivileged user contracts (useradd --system contracts; the secret file \
        /etc/contracts/autotask-secret owned by root, mode 0600): /etc/systemd/system/contracts-sync.service

        \(service)

        and /etc/systemd/system/contracts-sync.timer

        \(timer)

        then: systemctl daemon-reload && systemctl enable --now contracts-sync.timer
        """
}
