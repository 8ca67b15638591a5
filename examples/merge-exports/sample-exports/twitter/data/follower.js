window.YTD.follower.part0 = [
  {
    "follower" : {
      "accountId" : "3057712946",
      "userLink" : "https://twitter.com/intent/user?user_id=3057712946"
    }
  },
  {
    "follower" : {
      "accountId" : "1250094817",
      "userLink" : "https://twitter.com/intent/user?user_id=1250094817"
    }
  },
  {
    "follower" : {
      "accountId" : "1398877123456789504",
      "userLink" : "https://twitter.com/intent/user?user_id=1398877123456789504"
    }
  },
  {
    "follower" : {
      "accountId" : "2873301945",
      "userLink" : "https://twitter.com/intent/user?user_id=2873301945"
    }
  }
]