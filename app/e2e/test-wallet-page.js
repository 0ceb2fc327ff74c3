// Runs inside the page before the app (plain browser JS: it is injected as text, not bundled).
// Registers a Wallet Standard wallet whose connect/sign calls go to Node through Playwright
// bindings (window.__futstarWalletConnect / __futstarWalletSign). Arguments: name, public key bytes.
(function registerFutstarTestWallet(name, publicKeyBytes) {
  const chains = ["solana:localnet", "solana:devnet", "solana:mainnet"];
  const listeners = new Set();
  let accounts = [];
  const b64 = (bytes) => btoa(String.fromCharCode(...bytes));
  const unb64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  const icon = "data:image/svg+xml;base64," + btoa('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#7c5cff"/><text x="16" y="22" font-size="16" text-anchor="middle" fill="white">T</text></svg>');
  const emit = () => listeners.forEach((l) => l({ accounts }));
  const wallet = {
    version: "1.0.0",
    name,
    icon,
    chains,
    get accounts() { return accounts; },
    features: {
      "standard:connect": {
        version: "1.0.0",
        connect: async () => {
          const address = await window.__futstarWalletConnect();
          accounts = [Object.freeze({ address, publicKey: Uint8Array.from(publicKeyBytes), chains, features: ["solana:signTransaction"] })];
          emit();
          return { accounts };
        },
      },
      "standard:disconnect": { version: "1.0.0", disconnect: async () => { accounts = []; emit(); } },
      "standard:events": {
        version: "1.0.0",
        on: (event, listener) => {
          if (event !== "change") return () => undefined;
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
      },
      "solana:signTransaction": {
        version: "1.0.0",
        supportedTransactionVersions: ["legacy", 0],
        signTransaction: async (...inputs) =>
          Promise.all(inputs.map(async ({ transaction }) => ({ signedTransaction: unb64(await window.__futstarWalletSign(b64(transaction))) }))),
      },
    },
  };
  const callback = ({ register }) => register(wallet);
  window.dispatchEvent(new CustomEvent("wallet-standard:register-wallet", { detail: callback }));
  window.addEventListener("wallet-standard:app-ready", (event) => callback(event.detail));
})
