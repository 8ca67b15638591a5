window.YTD.direct_messages.part0 = [
  {
    "dmConversation" : {
      "conversationId" : "887412563-1250094817",
      "messages" : [
        {
          "messageCreate" : {
            "recipientId" : "887412563",
            "reactions" : [ ],
            "urls" : [ ],
            "text" : "Slides are up: https://t.co/k3Zp0Xq1aB",
            "mediaUrls" : [ ],
            "senderId" : "1250094817",
            "id" : "2106293747053494285",
            "createdAt" : "2026-10-03T08:02:17.000Z"
          }
        },
        {
          "messageCreate" : {
            "recipientId" : "1250094817",
            "reactions" : [ ],
            "urls" : [ ],
            "text" : "Yes! Save me a seat.",
            "mediaUrls" : [ ],
            "senderId" : "887412563",
            "id" : "2105397483008950284",
            "createdAt" : "2026-09-30T20:40:51.000Z"
          }
        },
        {
          "messageCreate" : {
            "recipientId" : "887412563",
            "reactions" : [ ],
            "urls" : [ ],
            "text" : "Are you going to the Kafka meetup on Thursday?",
            "mediaUrls" : [ ],
            "senderId" : "1250094817",
            "id" : "2105389991982006283",
            "createdAt" : "2026-09-30T20:11:05.000Z"
          }
        }
      ]
    }
  },
  {
    "dmConversation" : {
      "conversationId" : "887412563-1398877123456789504",
      "messages" : [
        {
          "messageCreate" : {
            "recipientId" : "887412563",
            "reactions" : [ ],
            "urls" : [ ],
            "text" : "The one by the old mill, it's free before 9.",
            "mediaUrls" : [ ],
            "senderId" : "1398877123456789504",
            "id" : "2090004005647286294",
            "createdAt" : "2026-08-19T09:12:40.000Z"
          }
        },
        {
          "messageCreate" : {
            "recipientId" : "1398877123456789504",
            "reactions" : [ ],
            "urls" : [ ],
            "text" : "Which car park did you use for the ridge walk?",
            "mediaUrls" : [ ],
            "senderId" : "887412563",
            "id" : "2089986976773046293",
            "createdAt" : "2026-08-19T08:05:00.000Z"
          }
        }
      ]
    }
  }
]