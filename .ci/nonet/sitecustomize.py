"Test-time network guard: with MMG_BLOCK_NETWORK=1, any connection outside loopback raises, so a test that tries the network fails."
import os
if os.environ.get('MMG_BLOCK_NETWORK') == '1':
    import socket, ipaddress
    _connect = socket.socket.connect
    def _guarded(self, address):
        host = address[0] if isinstance(address, tuple) else None
        if host is not None and self.family in (socket.AF_INET, socket.AF_INET6):
            try: local = ipaddress.ip_address(host).is_loopback
            except ValueError: local = host == 'localhost'
            if not local: raise OSError(f"network access blocked in tests (MMG_BLOCK_NETWORK=1): tried to connect to {address!r}")
        return _connect(self, address)
    socket.socket.connect = _guarded
